#!/usr/bin/env bash
# Ingestion benchmark on the local host (Azurite + the durable pipeline), not a test:
#   1. AqSolDB (9,982 rows) end to end: from the registering HTTP request to a class with exercises
#      (download, featurize, store, fingerprint store, model training, class creation), with the time
#      each phase started; the goal is under 30 s on the 2-core development machine.
#   2. Ten ESOL ingestions (1,128 rows each) registered at once: wall time and per-dataset times.
# Runs on a private, empty Azurite (ports 10110-10112, data in a temporary folder) after one
# warm-up ingestion (FreeSolv), so the figures do not depend on what earlier runs left in
# .azurite/ or on the host's start-up (partition leases).
# usage: bash scripts/bench-ingestion.sh [--concurrent N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
concurrent=10
[[ ${1:-} == --concurrent ]] && concurrent=$2
port=7461
api="http://127.0.0.1:$port/api"
key=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
hub="Bench$(date +%s)"
log="$root/artifacts/bench-ingestion-host.log"
mkdir -p artifacts

[[ -x node_modules/.bin/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
data=$(mktemp -d)
setsid node_modules/.bin/azurite --silent --skipApiVersionCheck --location "$data" --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
  --tableHost 127.0.0.1 --blobPort 10110 --queuePort 10111 --tablePort 10112 >"$data.log" 2>&1 </dev/null &
azurite=$!
storage=$(AZURITE_PORT=10110 bash scripts/azurite.sh connection)   # the string that reaches its private emulator below
for _ in $(seq 1 150); do (exec 3<>/dev/tcp/127.0.0.1/10112) 2>/dev/null && break; sleep 0.2; done
dotnet build functions/MedEdu.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet functions/MedEdu.LocalHost/bin/Release/net10.0/MedEdu.LocalHost.dll --LocalHost:ApiPort=$port --LocalHost:SidecarPort=$((port + 1)) \
  --LocalHost:TaskHub="$hub" --MedEdu:InstructorKey="$key" --AzureWebJobsStorage="$storage" --Logging:LogLevel:Default=Warning \
  --Logging:LogLevel:MedEdu.Pipeline.Ingestion=Information >"$log" 2>&1 &
host=$!
cleanup() {
  kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true
  kill "$azurite" 2>/dev/null || true; wait "$azurite" 2>/dev/null || true
  rm -rf "$data" "$data.log"
}
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf "$api/health" >/dev/null && break; sleep 0.2; done

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
register() { curl -sf -o /dev/null -X POST "$api/datasets" -H "x-functions-key: $key" -H 'content-type: application/json' -d "{\"id\":\"$1\",\"bundled\":\"$2\"}"; }
state() { curl -sf "$api/datasets/$1" | jq -r '"\(.versions[-1].status) \(.ingestion.runtimeStatus) \(.ingestion.progress.phase // "queued")"'; }

wait_ready() {
  local status runtime _
  while :; do
    read -r status runtime _ < <(state "$1")
    [[ $status == Ready && $runtime == Completed ]] && return 0
    [[ $status == Failed ]] && { echo "$1 failed"; curl -s "$api/datasets/$1"; exit 1; }
    sleep 0.1
  done
}
echo "bench: warm-up (FreeSolv, 642 rows) on a fresh Azurite"
t0=$(now)
register "warmup-freesolv" freesolv
wait_ready "warmup-freesolv"
echo "  warm-up ingested in $(since "$t0") s"

echo "bench: AqSolDB end to end on the local host ($(nproc) cores, task hub $hub)"
id="aqsoldb-bench-$(date +%s)"
t0=$(now)
register "$id" aqsoldb
last=""
while :; do
  read -r status runtime phase < <(state "$id")
  if [[ $phase != "$last" ]]; then printf '  %6.1f s  %s\n' "$(since "$t0")" "$phase"; last=$phase; fi
  [[ $status == Ready && $runtime == Completed ]] && break
  [[ $status == Failed ]] && { echo "ingestion failed"; curl -s "$api/datasets/$id"; exit 1; }
  sleep 0.1
done
ready=$(since "$t0")
curl -sf -o /tmp/bench-class.json -X POST "$api/classes" -H "x-functions-key: $key" -H 'content-type: application/json' \
  -d "{\"name\":\"Bench\",\"datasetId\":\"$id\",\"property\":\"aqueous solubility\",\"seed\":1}"
total=$(since "$t0")
stored=$(curl -sf "$api/datasets/$id" | jq -r '.versions[-1] | "\(.stored) stored, \(.quarantined) quarantined of \(.totalRows)"')
echo "  AqSolDB: $stored; version ready in $ready s; class with $(jq '.exercises | length' /tmp/bench-class.json) exercises at $total s"
awk -v t="$total" 'BEGIN { printf "  goal 30 s: %.2fx of the budget used (%s)\n", t / 30, t < 30 ? "met" : "MISSED" }'

echo "bench: $concurrent ESOL ingestions registered at once"
t0=$(now)
ids=()
for i in $(seq 1 "$concurrent"); do ids+=("esol-bench-$i-$(date +%s%N)"); done
pids=()
for id in "${ids[@]}"; do register "$id" esol & pids+=($!); done
wait "${pids[@]}"
declare -A done_at=()
finished=0
while (( finished < concurrent )); do
  for id in "${ids[@]}"; do
    [[ -n ${done_at[$id]:-} ]] && continue
    read -r status runtime _ < <(state "$id")
    if [[ $status == Ready && $runtime == Completed ]]; then
      done_at[$id]=$(since "$t0")
      finished=$((finished + 1))
    fi
    [[ $status == Failed ]] && { echo "$id failed"; exit 1; }
  done
  sleep 0.2
done
wall=$(since "$t0")
printf '%s\n' "${done_at[@]}" | sort -n | awk -v wall="$wall" -v n="$concurrent" '
  { t[NR] = $1 } END { printf "  %d x ESOL (%d rows): all ready in %s s; first %.1f s, median %.1f s, last %.1f s; %.0f rows/s overall\n", n, n * 1128, wall, t[1], t[int((NR + 1) / 2)], t[NR], n * 1128 / wall }'
