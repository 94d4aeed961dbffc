#!/usr/bin/env bash
# The API's generated artefacts, from the OpenAPI document the build writes
# (functions/MedEdu.Pipeline/Http/openapi.json, generated from the local host's route metadata):
#   - validates the document with swagger-parser (npm);
#   - regenerates the web page's TypeScript types (openapi-typescript, npm);
#   - regenerates the C# client with Kiota (the dotnet tool Microsoft.OpenApi.Kiota, pinned, installed once
#     per version into ${MEDEDU_TOOLS:-~/.cache/mededu/tools}, shared by every checkout on the machine).
# With --check (what scripts/test.sh runs) it fails when a committed copy differs from what the
# document generates now. Ends with one line "clients: N passed, N failed".
#   bash scripts/api-clients.sh           regenerate (after changing a contract or a route)
#   bash scripts/api-clients.sh --check   regenerate and fail on a difference
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
check=no
[[ ${1:-} == --check ]] && check=yes
kiota_version=1.38.0
document=functions/MedEdu.Pipeline/Http/openapi.json
passed=0 failed=0
ok() { echo "clients: $1"; passed=$((passed + 1)); }
bad() { echo "clients: FAILED $1"; failed=$((failed + 1)); }

if [[ ! -x node_modules/.bin/openapi-typescript || ! -d node_modules/@apidevtools/swagger-parser ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
kiota_dir=${MEDEDU_TOOLS:-$HOME/.cache/mededu/tools}/kiota-$kiota_version
if [[ ! -x $kiota_dir/kiota ]]; then
  echo "clients: installing Microsoft.OpenApi.Kiota $kiota_version"
  dotnet tool install Microsoft.OpenApi.Kiota --version "$kiota_version" --tool-path "$kiota_dir" >/dev/null
fi
[[ -s $document ]] || dotnet build functions/MedEdu.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly

if node -e "require('@apidevtools/swagger-parser').validate(process.argv[1]).then(a => console.log('clients: ' + a.openapi + ', ' + Object.keys(a.paths).length + ' paths, valid'), e => { console.error(e.message); process.exit(1); })" "$document"; then
  ok "the document validates (swagger-parser)"
else
  bad "the document does not validate (swagger-parser)"
fi

npm run -s gen:api-types >/dev/null
export KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1
if "$kiota_dir/kiota" generate -l CSharp -d "$document" -o clients/MedEdu.ApiClient/Generated -n MedEdu.ApiClient -c MedEduApiClient \
    --exclude-backward-compatible --clean-output --log-level Error >/dev/null; then
  ok "Kiota generated the C# client"
else
  bad "Kiota could not generate the C# client"
fi

if [[ $check == yes ]]; then
  changed=$(git status --porcelain -- functions/MedEdu.Pipeline/WebApp/api-types.d.ts clients/MedEdu.ApiClient/Generated "$document")
  if [[ -z $changed ]]; then
    ok "the committed document, page types and client match what the code generates"
  else
    bad "generated files differ from the committed ones (run: dotnet build; bash scripts/api-clients.sh; then commit):"
    echo "$changed"
  fi
fi
echo "clients: ${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
