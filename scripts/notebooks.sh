#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with the .NET Interactive C# kernel and fails on any
# cell error. Installs what it needs (scripts/install-tools.sh notebooks: Debian's jupyter nbconvert +
# ipykernel, the pinned Microsoft.dotnet-interactive tool) and a private kernelspec in .tools/.
# Notebook 04 talks to a local host: unless MEDEDU_API is set, the main command (scripts/run-local.sh)
# is started at the beginning (it ingests ESOL while notebooks 01-03 run) and stopped afterwards.
#   bash scripts/notebooks.sh            executed copies go to artifacts/notebooks/
#   bash scripts/notebooks.sh --update   also writes the outputs back into notebooks/*.ipynb
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
update=no
[[ ${1:-} == --update ]] && update=yes
tools="$root/.tools"
interactive=$(bash scripts/install-tools.sh notebooks | tail -1)

# Debian's python (jupyter's), whichever python3 comes first on PATH.
py=python3
[[ -x /usr/bin/python3 ]] && py=/usr/bin/python3

mkdir -p "$tools/jupyter/kernels/.net-csharp"
cat >"$tools/jupyter/kernels/.net-csharp/kernel.json" <<JSON
{ "argv": ["$interactive/dotnet-interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"],
  "display_name": ".NET (C#)", "language": "C#" }
JSON
export JUPYTER_PATH="$tools/jupyter" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 PYDEVD_DISABLE_FILE_VALIDATION=1

# MEDEDU_BUILT=1: the solution is built in Release already (scripts/test.sh sets it).
[[ ${MEDEDU_BUILT:-} == 1 ]] || dotnet build notebooks/MedEdu.Notebooks -c Release -nologo -v quiet -clp:ErrorsOnly

host_pid=""
stop_host() { [[ -n $host_pid ]] && { kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; }; }
trap stop_host EXIT
# The host starts (and ingests ESOL) while the notebooks that need none run; the first notebook that
# reads MEDEDU_API waits for it.
mkdir -p artifacts/notebooks
if [[ -z ${MEDEDU_API:-} ]]; then
  echo "notebooks: starting the local host (scripts/run-local.sh) for the notebooks that read MEDEDU_API"
  bash scripts/run-local.sh >artifacts/notebooks/run-local.log 2>&1 &
  host_pid=$!
fi
wait_for_host() {
  [[ -n $host_pid ]] || return 0
  for _ in $(seq 1 600); do
    grep -q "Serving until Ctrl-C" artifacts/notebooks/run-local.log && return 0
    kill -0 "$host_pid" 2>/dev/null || { cat artifacts/notebooks/run-local.log; exit 1; }
    sleep 0.5
  done
  echo "the local host did not get ready"; cat artifacts/notebooks/run-local.log; exit 1
}

passed=0 failed=0
for notebook in notebooks/*.ipynb; do
  name=$(basename "$notebook")
  grep -q MEDEDU_API "$notebook" && wait_for_host
  start=$(date +%s)
  # --allow-errors keeps every cell's output; the check below fails the notebook on any error output.
  (cd notebooks && jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.timeout=600 \
      --output-dir "$root/artifacts/notebooks" "$name" >"$root/artifacts/notebooks/${name%.ipynb}.log" 2>&1) || true
  if $py - "$root/artifacts/notebooks/$name" <<'PY'
import json, sys
path = sys.argv[1]
try:
    nb = json.load(open(path))
except FileNotFoundError:
    sys.exit("not executed (see the log)")
errors = []
for index, cell in enumerate(nb["cells"]):
    # The kernel's first output is a script that wires up its browser helpers: not a result, so dropped.
    cell["outputs"] = [o for o in cell.get("outputs", []) if "dotnet-interactive-this-cell" not in "".join(o.get("data", {}).get("text/html", []))]
    for o in cell["outputs"]:
        text = "".join(o.get("text", "")) if o.get("name") == "stderr" else ""
        if o.get("output_type") == "error" or "error CS" in text:
            errors.append(f"cell {index}: {o.get('ename', '')} {o.get('evalue', '')} {text}".strip())
    if cell.get("cell_type") == "code" and cell.get("execution_count") is None and cell.get("source"):
        errors.append(f"cell {index}: not executed")
json.dump(nb, open(path, "w"), indent=1)
open(path, "a").write("\n")
if errors:
    sys.exit("\n".join(errors))
PY
  then
    echo "notebook $name: executed in $(($(date +%s) - start)) s"
    passed=$((passed + 1))
    [[ $update == yes ]] && cp "artifacts/notebooks/$name" "$notebook"
  else
    echo "notebook $name: FAILED (log: artifacts/notebooks/${name%.ipynb}.log)"
    failed=$((failed + 1))
  fi
done
echo "notebooks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
