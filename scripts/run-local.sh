#!/usr/bin/env bash
# The main job on the embedded default: Azurite + the MedEdu local host.
# Installs Azurite (npm ci), builds, starts the local host on http://127.0.0.1:7071, ingests the
# bundled ESOL dataset through the real durable pipeline, prints a summary and the URLs, then keeps
# serving until Ctrl-C (which stops the host and the Azurite it started).
#   --worker   also start the screening worker (compute/MedEdu.ScreeningWorker) on 127.0.0.1:7073 as a
#              second process; the host sends similar searches to it (and falls back to its own engine).
set -euo pipefail
with_worker=no
for arg in "$@"; do
  case $arg in
    --worker) with_worker=yes ;;
    *) echo "usage: bash scripts/run-local.sh [--worker]"; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
api="http://127.0.0.1:7071/api"
log="$root/.azurite/localhost.log"
started=$(date +%s.%N)

azurite_was_ours=yes
bash scripts/azurite.sh status >/dev/null 2>&1 && azurite_was_ours=no
bash scripts/azurite.sh start
bash scripts/azurite.sh status >/dev/null 2>&1 || azurite_was_ours=no
# AZURITE_PORT names a second emulator (see scripts/azurite.sh): the host's storage is that one.
if [[ -n ${AZURITE_PORT:-} && -z ${AzureWebJobsStorage:-} ]]; then
  AzureWebJobsStorage=$(bash scripts/azurite.sh connection)
  export AzureWebJobsStorage
fi

# MEDEDU_BUILT=1: the solution is built in Release already (scripts/test.sh sets it for the notebooks).
if [[ ${MEDEDU_BUILT:-} != 1 ]]; then
  echo "build: dotnet build -c Release"
  dotnet build functions/MedEdu.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly
fi

mkdir -p .azurite
[[ -s .azurite/instructor-key ]] || head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > .azurite/instructor-key
key=$(cat .azurite/instructor-key)
worker_settings=()
worker_pid=""
if [[ $with_worker == yes ]]; then
  dotnet build compute/MedEdu.ScreeningWorker -c Release -nologo -v quiet -clp:ErrorsOnly
  [[ -s .azurite/worker-key ]] || head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > .azurite/worker-key
  worker_key=$(cat .azurite/worker-key)
  dotnet compute/MedEdu.ScreeningWorker/bin/Release/net10.0/MedEdu.ScreeningWorker.dll --urls=http://127.0.0.1:7073 \
    --Worker:ApiKey="$worker_key" >"$root/.azurite/worker.log" 2>&1 &
  worker_pid=$!
  for _ in $(seq 1 150); do
    curl -sf http://127.0.0.1:7073/healthz >/dev/null 2>&1 && break
    kill -0 "$worker_pid" 2>/dev/null || { echo "the screening worker exited; its log:"; cat "$root/.azurite/worker.log"; exit 1; }
    sleep 0.2
  done
  echo "screening worker: answering on http://127.0.0.1:7073 ($(curl -s http://127.0.0.1:7073/readyz | jq -r '"\(.engine) on \(.device)"'); log: .azurite/worker.log)"
  worker_settings=(--Screening:WorkerUrl=http://127.0.0.1:7073 --Screening:WorkerKey="$worker_key")
fi
dotnet functions/MedEdu.LocalHost/bin/Release/net10.0/MedEdu.LocalHost.dll --MedEdu:InstructorKey="$key" "${worker_settings[@]}" >"$log" 2>&1 &
host_pid=$!
cleanup() {
  echo
  echo "stopping the local host (pid $host_pid)"
  kill "$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
  if [[ -n $worker_pid ]]; then kill "$worker_pid" 2>/dev/null || true; wait "$worker_pid" 2>/dev/null || true; fi
  if [[ $azurite_was_ours == yes ]]; then bash scripts/azurite.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 300); do
  curl -sf "$api/health" >/dev/null 2>&1 && break
  kill -0 "$host_pid" 2>/dev/null || { echo "the local host exited; its log:"; cat "$log"; exit 1; }
  sleep 0.2
done
echo "local host: answering on $api (log: .azurite/localhost.log)"

code=$(curl -s -o /tmp/mededu-register.json -w '%{http_code}' -X POST "$api/datasets" -H "x-functions-key: $key" \
  -H 'content-type: application/json' -d '{"id":"esol","name":"ESOL (Delaney 2004)","bundled":"esol"}')
if [[ $code == 409 ]]; then
  echo "ingest: ESOL is already registered; ingesting a new version (POST $api/datasets/esol/refresh)"
  code=$(curl -s -o /tmp/mededu-register.json -w '%{http_code}' -X POST "$api/datasets/esol/refresh" -H "x-functions-key: $key")
fi
[[ $code == 202 ]] || { echo "registering ESOL failed ($code):"; cat /tmp/mededu-register.json; exit 1; }
version=$(jq -r '.latestVersion' /tmp/mededu-register.json)
echo "ingest: ESOL version $version started (orchestration $(jq -r '.ingestion.instanceId' /tmp/mededu-register.json))"

status=""
for _ in $(seq 1 600); do
  body=$(curl -s "$api/datasets/esol")
  status=$(jq -r --argjson v "$version" '.versions[] | select(.version == $v) | .status' <<<"$body")
  progress=$(jq -r '.ingestion.progress | if . then "\(.phase) \(.percent)% (\(.stored) stored, \(.quarantined) quarantined)" else "queued" end' <<<"$body")
  printf '\r  progress: %-60s' "$progress"
  [[ $status != Ingesting ]] && break
  sleep 0.2
done
echo
elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
jq -r --argjson v "$version" '.versions[] | select(.version == $v) |
  "ESOL v\(.version): \(.status): \(.totalRows) rows, \(.stored) compounds stored, \(.quarantined) quarantined (raw file sha256 \(.contentHash))"' <<<"$body"
if [[ $status == Unchanged ]]; then
  echo "the bundled file is unchanged since the served version (v$(jq -r '.readyVersion' <<<"$body")), which keeps serving"
elif [[ $status != Ready ]]; then
  echo "ingestion did not finish: $body"
  exit 1
fi
cat <<MSG
ready in ${elapsed} s. Instructor key (header x-functions-key, kept in .azurite/instructor-key): $key
Open the web page: http://127.0.0.1:7071/ (students join with a class code; the instructor view is at #/instructor)
Try:
  curl $api/datasets
  curl $api/datasets/esol
  curl '$api/datasets/esol/compounds?skip=0&take=5'
  curl '$api/datasets/esol/similar?smiles=c1ccccc1O&k=5'   (engine: worker:... with --worker)
  curl -H "x-functions-key: $key" $api/datasets/esol/quarantine
  curl -X POST -H "x-functions-key: $key" -H 'content-type: application/json' -d '{"name":"Pharmacy 101","datasetId":"esol","property":"aqueous solubility","publish":true}' $api/classes
  curl $api/openapi.json        (the API description; the interactive reference: http://127.0.0.1:7071/api/docs/)
Serving until Ctrl-C.
MSG
if [[ ${MEDEDU_EXIT_WHEN_READY:-} == 1 ]]; then exit 0; fi
wait "$host_pid"
