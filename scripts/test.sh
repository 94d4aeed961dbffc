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

# Every notebook is executed headless against the local host; each counts as one test.
bash scripts/notebooks.sh 2>&1 | tee artifacts/test-results/notebooks.log
nb_rc=${PIPESTATUS[0]}
read -r nb_passed nb_failed < <(sed -nE 's/^notebooks: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' artifacts/test-results/notebooks.log | tail -1)
nb_passed=${nb_passed:-0} nb_failed=${nb_failed:-0}
[[ $nb_rc -ne 0 && $nb_failed -eq 0 ]] && nb_failed=1
passed=$((passed + nb_passed)) failed=$((failed + nb_failed))
[[ $nb_rc -ne 0 ]] && rc=1
# The web page in a real browser (Chromium headless) against a local host on Azurite.
bash scripts/browser-test.sh 2>&1 | tee artifacts/test-results/browser.log
br_rc=${PIPESTATUS[0]}
read -r br_passed br_failed < <(sed -nE 's/^browser: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' artifacts/test-results/browser.log | tail -1)
br_passed=${br_passed:-0} br_failed=${br_failed:-0}
[[ $br_rc -ne 0 && $br_failed -eq 0 ]] && br_failed=1
passed=$((passed + br_passed)) failed=$((failed + br_failed))
[[ $br_rc -ne 0 ]] && rc=1
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
