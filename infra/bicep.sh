#!/usr/bin/env bash
# Builds and lints the Bicep templates with the bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64);
# fails on any warning. Writes infra/main.json (the compiled ARM template, git-ignored) for the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet restore "$here/tool/BicepCli.csproj" -nologo -v quiet >/dev/null
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
version=0.49.2 # the pin in infra/tool/BicepCli.csproj
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
chmod +x "$bicep"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
# `bicep build` runs the linter with bicepconfig.json's rules and prints what `bicep lint` would, so one
# run of the compiler does both (each start of the CLI costs seconds).
out=$("$bicep" build "$here/main.bicep" --outfile "$here/main.json" 2>&1) || { echo "$out"; exit 1; }
params=$("$bicep" build-params "$here/main.bicepparam" --outfile "$here/main.parameters.json" 2>&1) || { echo "$params"; exit 1; }
all=$(printf '%s\n%s\n' "$out" "$params")
if grep -E -i "warning|error" <<<"$all"; then
  echo "bicep: the templates have warnings or errors (above)"
  exit 1
fi
echo "bicep: build and lint clean (Bicep CLI $version)"
