#!/usr/bin/env bash
# The test suite. Starts Azurite (installing it with npm ci if needed), builds the solution in Release
# with warnings as errors (bicep build/lint and dotnet format run beside it), then runs two lanes side
# by side, so the machine's cores stay busy while a check waits on a host or a browser:
#   - the xunit projects (unit tests and integration tests against the real Azurite and local host),
#     then the generated API clients (scripts/api-clients.sh);
#   - the notebooks (scripts/notebooks.sh), then the web page in headless Chromium
#     (scripts/browser-test.sh).
# Prints a timing report (each step's wall time, each test assembly's, the slowest 25 tests) and one
# closing line "N passed, N failed, N skipped". Stops the Azurite it started.
#
#   bash scripts/test.sh           the whole suite (what CI runs)
#   bash scripts/test.sh --quick   the inner loop: build, the fast unit tests and one end-to-end smoke
#                                  path through the local host on Azurite (tests tagged Category=Slow or
#                                  Category=Integration are left to the whole suite)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
quick=no
case ${1:-} in
  --quick) quick=yes ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--quick]"; exit 2 ;;
esac

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
suite_start=$(date +%s.%N)
# The machine's CPU use every 2 s (aggregate jiffies from /proc/stat): the report shows where cores idled.
sample_cpu() {
  while :; do
    echo "$(date +%s.%N) $(awk '/^cpu /{ idle = $5 + $6; busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, idle; exit }' /proc/stat)"
    sleep 2
  done >"$results/cpu.tsv"
}
sample_cpu &
sampler_pid=$!
# And each kind of process's core-seconds (processes.tsv): which hosts, browsers and compilers used them.
python3 scripts/cpu-by-process.py "$results" &
processes_pid=$!
trap 'kill "$sampler_pid" "$processes_pid" 2>/dev/null' EXIT
# Runs "$@" and records its wall time as the step "$name" (one line in steps.tsv).
timed() {
  local name=$1 start rc
  shift
  start=$(date +%s.%N)
  "$@"
  rc=$?
  awk -v n="$name" -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%s %.1f\n", n, e - s }' >>"$results/steps.tsv"
  return $rc
}
report() {
  kill "$sampler_pid" 2>/dev/null
  kill -TERM "$processes_pid" 2>/dev/null && wait "$processes_pid" 2>/dev/null
  python3 scripts/test-timings.py "$results" --top 25
  awk -v s="$suite_start" -v e="$(date +%s.%N)" 'BEGIN { printf "Timing report: the whole suite took %.1f s\n", e - s }'
}

# dotnet format's whitespace pass over the files (no project load, no build): its style and analyzer
# passes find nothing here that the build does not already fail on (warnings are errors, and no
# .editorconfig raises an IDE rule to a warning).
format_check() {
  if timed format dotnet format whitespace --folder --verify-no-changes -v quiet \
      --exclude node_modules --exclude '**/obj' --exclude '**/bin' --exclude .tools --exclude artifacts .; then
    echo "format: dotnet format finds nothing to change"
  else
    echo "format: dotnet format found unformatted code (run: dotnet format MedEdu.Functions.sln)"
    return 1
  fi
}
# The static checks' verdicts (bicep and format ran beside the build).
checks() {
  local passed=0 failed=0
  cat "$results/bicep.log" "$results/format.log"
  if [[ $bicep_rc -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  if [[ $format_rc -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  echo "checks: $passed passed, $failed failed"
}

# The npm packages (Azurite, tsc, playwright-core, the OpenAPI tools) install, Bicep compiles the
# templates (the Functions tests read infra/main.json), dotnet format checks and the notebooks' and
# the browser's tools install (apt, dotnet-interactive) beside the build.
timed npm bash scripts/azurite.sh install >"$results/npm.log" 2>&1 &
npm_pid=$!
timed bicep bash infra/bicep.sh >"$results/bicep.log" 2>&1 &
bicep_pid=$!
if [[ $quick == no ]]; then
  format_check >"$results/format.log" 2>&1 &
  format_pid=$!
  timed tools bash scripts/install-tools.sh >"$results/tools.log" 2>&1 &
  tools_pid=$!
fi
# The compiler server on for this build, whatever the environment says (UseSharedCompilation=false
# starts a fresh csc, JIT and all, for each of the 15 projects: 102 s against 70 s for a clean build
# here), and shut down after it, so no compiler outlives the suite.
build_solution() {
  local rc
  dotnet build MedEdu.Functions.sln -c Release -nologo -clp:ErrorsOnly -p:UseSharedCompilation=true
  rc=$?
  dotnet build-server shutdown >/dev/null 2>&1
  return $rc
}
timed build build_solution || { echo "0 passed, 1 failed"; exit 1; }
wait "$npm_pid" || { cat "$results/npm.log"; echo "0 passed, 1 failed"; exit 1; }
# The scripts below build nothing again (the notebooks' host starts without a build step).
export MEDEDU_BUILT=1

had_azurite=no
bash scripts/azurite.sh status >/dev/null 2>&1 && had_azurite=yes
timed azurite bash scripts/azurite.sh start || exit 1
stop_azurite() {
  kill "$sampler_pid" "$processes_pid" 2>/dev/null
  [[ $had_azurite == yes ]] || bash scripts/azurite.sh stop
  AZURITE_PORT=10010 bash scripts/azurite.sh stop >/dev/null 2>&1
}
trap stop_azurite EXIT

# xunit's own durations land in .trx files, one per assembly, read by the timing report.
run_xunit() {
  dotnet test MedEdu.Functions.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@" \
    2>&1 | tee "$results/console.log"
  return "${PIPESTATUS[0]}"
}
# The closing counts of dotnet test's per-assembly summaries.
xunit_counts() {
  grep -E '(Passed|Failed)!  - Failed:' "$results/console.log" |
    sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
    awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }'
}

if [[ $quick == yes ]]; then
  # The Functions tests read the compiled template.
  wait "$bicep_pid" || { cat "$results/bicep.log"; echo "0 passed, 1 failed"; exit 1; }
  timed xunit run_xunit --filter "(Category!=Integration&Category!=Slow)|Category=Smoke"
  rc=$?
  read -r passed failed skipped < <(xunit_counts)
  [[ $rc -ne 0 && $failed -eq 0 ]] && failed=1
  report
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  exit "$rc"
fi

# A suite run by a script that ends with "<name>: N passed, N failed", its output kept in a log.
run_suite() {
  local name=$1 script=$2
  timed "$name" bash "$script" "${@:3}" >"$results/$name.log" 2>&1
}
# What the suite's scripts count, added up from their logs.
suite_counts() {
  local name p f total_p=0 total_f=0
  for name in "$@"; do
    read -r p f < <(sed -nE "s/^$name: ([0-9]+) passed, ([0-9]+) failed\$/\\1 \\2/p" "$results/$name.log" 2>/dev/null | tail -1)
    total_p=$((total_p + ${p:-0})) total_f=$((total_f + ${f:-0}))
  done
  echo "$total_p $total_f"
}
# The second lane, beside the xunit projects: the notebooks, then the browser (a third lane made
# every step slower: the two cores and Azurite's one thread were already full). The clients follow
# xunit in the first lane, which keeps the two lanes about as long. Each keeps its own log; they are
# printed at the end.
# The lane's hosts keep their data in an emulator of their own: hosts on one storage account step
# each other's due schedules (the notebooks' host once fired a test's schedule and refused its
# loopback URL), so the two lanes share no tables.
lane() {
  export AZURITE_PORT=10010
  AzureWebJobsStorage=$(bash scripts/azurite.sh connection)
  export AzureWebJobsStorage
  bash scripts/azurite.sh start >"$results/azurite-lane.log" 2>&1 || cat "$results/azurite-lane.log"
  run_suite notebooks scripts/notebooks.sh
  run_suite browser scripts/browser-test.sh
  bash scripts/azurite.sh stop >>"$results/azurite-lane.log" 2>&1
}
wait "$bicep_pid"
bicep_rc=$?
wait "$format_pid"
format_rc=$?
# A failed install shows in the lane that needed it (its script tries again and fails the check).
wait "$tools_pid" || cat "$results/tools.log"
checks >"$results/checks.log" 2>&1
lane &
lane_pid=$!
timed xunit run_xunit
rc=$?
read -r passed failed skipped < <(xunit_counts)
[[ $rc -ne 0 && $failed -eq 0 ]] && failed=1
run_suite clients scripts/api-clients.sh --check
wait "$lane_pid"

for name in checks clients notebooks browser; do
  echo "---- $name (log: $results/$name.log)"
  cat "$results/$name.log"
  read -r p f < <(suite_counts "$name")
  if ! grep -qE "^$name: [0-9]+ passed, [0-9]+ failed\$" "$results/$name.log"; then
    f=$((f + 1)) # the script ended before its count: a failure
  fi
  passed=$((passed + p)) failed=$((failed + f))
done
report
[[ $failed -gt 0 ]] && rc=1
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
