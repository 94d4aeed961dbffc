#!/usr/bin/env bash
# The web page's checks: tsc type-checks its JavaScript, then tests/browser/ drives it in Debian's
# headless Chromium (installed with apt when missing; no browser is downloaded) against a local host
# it starts on Azurite (which must be running: scripts/test.sh starts it). Screenshots go to
# artifacts/browser/. Ends with one line "browser: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p artifacts/browser

bash scripts/install-tools.sh browser || { echo "browser: 0 passed, 1 failed"; exit 1; }
if [[ ! -x node_modules/.bin/tsc || ! -d node_modules/playwright-core || ! -x node_modules/.bin/openapi-typescript || ! -d node_modules/@apidevtools/swagger-parser ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
[[ -f functions/MedEdu.LocalHost/bin/Release/net10.0/MedEdu.LocalHost.dll ]] ||
  dotnet build functions/MedEdu.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly

passed=0 failed=0
if npm run -s check:web; then
  echo "browser: web page JavaScript type-checks (tsc)"
  passed=$((passed + 1))
else
  echo "browser: tsc found type errors in the web page"
  failed=$((failed + 1))
fi

node --test --test-reporter=spec tests/browser/ 2>&1 | tee artifacts/browser/node-test.log
rc=${PIPESTATUS[0]}
read -r p f < <(sed -nE 's/^.*ℹ pass ([0-9]+).*$/\1/p; s/^.*ℹ fail ([0-9]+).*$/\1/p' artifacts/browser/node-test.log | paste -sd' ')
p=${p:-0} f=${f:-0}
[[ $rc -ne 0 && $f -eq 0 ]] && f=1
passed=$((passed + p)) failed=$((failed + f))
echo "browser: ${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
