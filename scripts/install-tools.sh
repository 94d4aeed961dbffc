#!/usr/bin/env bash
# Installs the tools the suite's scripts need, when missing, in one go:
#   notebooks   Debian's jupyter nbconvert + ipykernel, and Microsoft.dotnet-interactive (pinned,
#               installed once per version into ${MEDEDU_TOOLS:-~/.cache/mededu/tools}, shared by
#               every checkout on the machine)
#   browser     Debian's chromium (no browser is downloaded)
# With no argument, both. scripts/test.sh runs it beside the build, so the lanes find everything
# installed; notebooks.sh and browser-test.sh call it for their own part when run alone.
# Prints the dotnet-interactive directory last (notebooks.sh reads it).
set -euo pipefail
parts=("$@")
[[ ${#parts[@]} -gt 0 ]] || parts=(notebooks browser)
interactive_version=1.0.712001
interactive=${MEDEDU_TOOLS:-$HOME/.cache/mededu/tools}/dotnet-interactive-$interactive_version
py=python3
[[ -x /usr/bin/python3 ]] && py=/usr/bin/python3

debs=()
for part in "${parts[@]}"; do
  case $part in
    notebooks)
      if ! command -v jupyter-nbconvert >/dev/null || ! $py -c 'import nbconvert, ipykernel' 2>/dev/null; then
        debs+=(jupyter-nbconvert python3-ipykernel)
      fi ;;
    browser) [[ -x /usr/bin/chromium ]] || debs+=(chromium) ;;
    *) echo "usage: bash scripts/install-tools.sh [notebooks] [browser]" >&2; exit 2 ;;
  esac
done
# One apt transaction: two at once would wait on dpkg's lock.
if [[ ${#debs[@]} -gt 0 ]]; then
  echo "install-tools: installing ${debs[*]} (apt)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >/dev/null
fi
if [[ " ${parts[*]} " == *" notebooks "* ]]; then
  if [[ ! -x $interactive/dotnet-interactive ]]; then
    echo "install-tools: installing Microsoft.dotnet-interactive $interactive_version" >&2
    dotnet tool install Microsoft.dotnet-interactive --version "$interactive_version" --tool-path "$interactive" >/dev/null
  fi
  echo "$interactive"
fi
