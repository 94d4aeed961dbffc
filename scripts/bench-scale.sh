#!/usr/bin/env bash
# Scale benchmark (not a test): a SYNTHETIC library of N compounds (mededu synth: bundled molecules
# with substituents, valid and distinct; computed logP as the value) uploaded through
# POST /api/uploads to a fresh local stack (a private, empty Azurite on ports 10120-10122 and a new
# local host, per size), then: time to Ready with the phase timeline, rows/s, the peak resident
# memory (VmHWM) of the host and of Azurite, a class created on the version, and a similar search.
# Goals for 1,000,000 compounds (issue #19): Ready within 600 s, host peak RSS <= 1.5 GB, Azurite up,
# similar under 1 s.
# usage: bash scripts/bench-scale.sh [N ...]      (default: 100000 1000000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100000 1000000)
port=7481
api="http://127.0.0.1:$port/api"
key=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p artifacts
[[ -x node_modules/.bin/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
dotnet build functions/MedEdu.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build compute/MedEdu.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
mededu=(dotnet compute/MedEdu.Cli/bin/Release/net10.0/mededu.dll)
storage=$(AZURITE_PORT=10120 bash scripts/azurite.sh connection)   # the string that reaches its private emulator below
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
peak_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

host="" azurite="" data=""
stop_stack() {
  [[ -n $host ]] && { kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; }
  [[ -n $azurite ]] && { kill "$azurite" 2>/dev/null || true; wait "$azurite" 2>/dev/null || true; }
  [[ -n $data ]] && rm -rf "$data" "$data.log"
  host="" azurite="" data=""
}
trap stop_stack EXIT

for n in "${sizes[@]}"; do
  file="artifacts/synth-$n.csv"
  if [[ ! -s $file ]]; then
    echo "bench-scale: generating $n SYNTHETIC compounds into $file"
    t0=$(now)
    "${mededu[@]}" synth --count "$n" --seed 1 --output "$file" 2>&1 | tail -1
    echo "  generated in $(since "$t0") s"
  fi

  data=$(mktemp -d)
  setsid node_modules/.bin/azurite --silent --skipApiVersionCheck --location "$data" --blobHost 127.0.0.1 --queueHost 127.0.0.1 \
    --tableHost 127.0.0.1 --blobPort 10120 --queuePort 10121 --tablePort 10122 >"$data.log" 2>&1 </dev/null &
  azurite=$!
  for _ in $(seq 1 150); do (exec 3<>/dev/tcp/127.0.0.1/10122) 2>/dev/null && break; sleep 0.2; done
  dotnet functions/MedEdu.LocalHost/bin/Release/net10.0/MedEdu.LocalHost.dll --LocalHost:ApiPort=$port --LocalHost:SidecarPort=$((port + 1)) \
    --LocalHost:TaskHub="Scale$(date +%s)" --MedEdu:InstructorKey="$key" --AzureWebJobsStorage="$storage" \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:MedEdu.Pipeline.Ingestion=Information \
    >"artifacts/bench-scale-$n-host.log" 2>&1 &
  host=$!
  for _ in $(seq 1 300); do curl -sf "$api/health" >/dev/null && break; sleep 0.2; done

  id="synth-$n"
  echo "bench-scale: $n compounds ($(du -h "$file" | cut -f1)) on $(nproc) cores"
  t0=$(now)
  "${mededu[@]}" upload --api "http://127.0.0.1:$port" --key "$key" --file "$file" --id "$id" --name-column id --value-column logp --chunk-size 2000 >/dev/null 2>"artifacts/bench-scale-$n-upload.log"
  printf '  %7.1f s  uploaded and registered\n' "$(since "$t0")"
  last=""
  while :; do
    body=$(curl -sf "$api/datasets/$id" || echo '{}')
    status=$(jq -r '.versions[-1].status // "?"' <<<"$body")
    runtime=$(jq -r '.ingestion.runtimeStatus // "?"' <<<"$body")
    phase=$(jq -r '.ingestion.progress | if . then "\(.phase) \(.percent)%" else "queued" end' <<<"$body")
    if [[ ${phase%% *} != "${last%% *}" ]]; then printf '  %7.1f s  %s\n' "$(since "$t0")" "$phase"; fi
    last=$phase
    [[ $status == Ready && $runtime == Completed ]] && break
    [[ $status == Failed ]] && { echo "  ingestion failed: $body"; exit 1; }
    kill -0 "$azurite" 2>/dev/null || { echo "  Azurite died; see $data.log"; exit 1; }
    sleep 1
  done
  ready=$(since "$t0")
  stored=$(jq -r '.versions[-1] | "\(.stored) stored, \(.quarantined) quarantined of \(.totalRows)"' <<<"$body")
  # Every synthetic compound is valid: all N stored (the check the browser test made on 100,000 before it moved here).
  [[ $(jq -r '.versions[-1] | "\(.totalRows) \(.stored)"' <<<"$body") == "$n $n" ]] || { echo "  FAILED: expected $n rows stored, got $stored"; exit 1; }
  host_peak=$(peak_mib "$host")
  azurite_peak=$(peak_mib "$azurite")
  t1=$(now)
  curl -sf -o /tmp/bench-scale-class.json -X POST "$api/classes" -H "x-functions-key: $key" -H 'content-type: application/json' \
    -d "{\"name\":\"Scale\",\"datasetId\":\"$id\",\"property\":\"logP\",\"seed\":1}" || echo "  class creation failed"
  class_s=$(since "$t1")
  curl -sf -o /dev/null "$api/datasets/$id/similar?smiles=c1ccccc1O&k=10"   # loads the store once
  t2=$(now)
  similar=$(curl -sf "$api/datasets/$id/similar?smiles=CC(%3DO)Oc1ccccc1C(%3DO)O&k=10")
  similar_s=$(since "$t2")
  echo "  $stored; Ready in $ready s ($(awk -v n="$n" -v t="$ready" 'BEGIN { printf "%.0f", n / t }') rows/s)"
  echo "  peak RSS: host $host_peak MiB, Azurite $azurite_peak MiB (Azurite $(kill -0 "$azurite" 2>/dev/null && echo up || echo DOWN))"
  echo "  class with $(jq '.exercises | length' /tmp/bench-scale-class.json 2>/dev/null || echo 0) exercises in $class_s s; similar answered in $similar_s s ($(jq -r '.engine' <<<"$similar"), $(jq -r '.milliseconds' <<<"$similar") ms searching)"
  stop_stack
done
