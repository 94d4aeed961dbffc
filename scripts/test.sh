#!/usr/bin/env bash
# The test suite: starts Azurite (installing it with npm ci if needed), builds the solution in
# Release with warnings as errors, checks formatting, runs every xunit project, executes the
# notebooks (scripts/notebooks.sh), drives the web page in headless Chromium (scripts/browser-test.sh),
# and prints one
# closing line "N passed, N failed, N skipped". Stops the Azurite it started.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

had_azurite=no
bash scripts/azurite.sh status >/dev/null 2>&1 && had_azurite=yes
bash scripts/azurite.sh start || exit 1
stop_azurite() { [[ $had_azurite == yes ]] || bash scripts/azurite.sh stop; }
trap stop_azurite EXIT

dotnet build MedEdu.Functions.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
bash infra/bicep.sh || { echo "0 passed, 1 failed"; exit 1; }
if ! dotnet format MedEdu.Functions.sln --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found unformatted code (run: dotnet format MedEdu.Functions.sln)"
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p artifacts/test-results
dotnet test MedEdu.Functions.sln -c Release --no-build --logger "trx" --results-directory artifacts/test-results \
  2>&1 | tee artifacts/test-results/console.log
rc=${PIPESTATUS[0]}
read -r passed failed skipped < <(grep -E '(Passed|Failed)!  - Failed:' artifacts/test-results/console.log |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }')
[[ $rc -ne 0 && $failed -eq 0 ]] && failed=1

# A suite run by a script that ends with "<name>: N passed, N failed": its counts join the totals.
run_suite() {
  local name=$1 script=$2 log="artifacts/test-results/$1.log" suite_rc p f
  bash "$script" "${@:3}" 2>&1 | tee "$log"
  suite_rc=${PIPESTATUS[0]}
  read -r p f < <(sed -nE "s/^$name: ([0-9]+) passed, ([0-9]+) failed\$/\\1 \\2/p" "$log" | tail -1)
  p=${p:-0} f=${f:-0}
  [[ $suite_rc -ne 0 && $f -eq 0 ]] && f=1
  passed=$((passed + p)) failed=$((failed + f))
  [[ $suite_rc -ne 0 ]] && rc=1
  return 0
}
# Every notebook is executed headless against the local host; each counts as one test.
run_suite clients scripts/api-clients.sh --check
run_suite notebooks scripts/notebooks.sh
# The web page in a real browser (Chromium headless) against a local host on Azurite.
run_suite browser scripts/browser-test.sh
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
