#!/usr/bin/env bash
# Azurite, the local Azure Storage (blob, queue, table), as a real dependency of MedEdu.
# usage: scripts/azurite.sh start|stop|status|install|connection
# Installs the pinned version from package-lock.json (npm ci) on first use, keeps its data under
# .azurite/ (git-ignored) and stops exactly the process it started, by the pid it recorded.
# AZURITE_PORT (default 10000) picks the blob port, queue and table following it: another value runs
# a second, separate emulator (data under .azurite/port-N), so that two sets of hosts (the test
# suite's two lanes) share no tables; `connection` prints the connection string that reaches it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${AZURITE_PORT:-10000}
ports=("$base" $((base + 1)) $((base + 2)))
dir="$root/.azurite"
[[ $base == 10000 ]] || dir="$root/.azurite/port-$base"
pidfile="$dir/azurite.pid"

answers() { # true when every Azurite port accepts a connection
  local port
  for port in "${ports[@]}"; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 1
  done
}

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid=$(cat "$pidfile")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The pinned npm packages (package-lock.json), unless they are there; npm's cache serves what it has.
install() {
  if [[ ! -x "$root/node_modules/.bin/azurite" || ! -x "$root/node_modules/.bin/tsc" || ! -d "$root/node_modules/playwright-core" || ! -x "$root/node_modules/.bin/openapi-typescript" ]]; then
    echo "azurite: installing (npm ci)"
    (cd "$root" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
  fi
}

start() {
  if pid=$(running_pid); then
    echo "azurite: already running (pid $pid)"
    return 0
  fi
  if answers; then
    echo "azurite: ports ${ports[*]} already answer; using the storage emulator that is running there"
    return 0
  fi
  install
  mkdir -p "$dir/data"
  # setsid: Azurite gets its own session, so Ctrl-C in a caller's terminal does not stop it mid-write.
  setsid "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck \
    --location "$dir/data" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "${ports[0]}" --queuePort "${ports[1]}" --tablePort "${ports[2]}" \
    >"$dir/azurite.log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 150); do
    if answers; then
      echo "azurite: blob, queue and table answer on 127.0.0.1:${ports[0]}-${ports[2]} (pid $(cat "$pidfile"), data in ${dir#"$root/"}/data)"
      return 0
    fi
    if ! running_pid >/dev/null; then
      echo "azurite: exited during start-up; its log:" >&2
      cat "$dir/azurite.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "azurite: did not answer within 30 s; its log:" >&2
  cat "$dir/azurite.log" >&2
  return 1
}

# Azurite's well-known development account, at this instance's ports.
connection() {
  if [[ $base == 10000 ]]; then echo "UseDevelopmentStorage=true"; return; fi
  local account=devstoreaccount1
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:${ports[0]}/$account;QueueEndpoint=http://127.0.0.1:${ports[1]}/$account;TableEndpoint=http://127.0.0.1:${ports[2]}/$account;"
}

stop() {
  if pid=$(running_pid); then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "azurite: stopped (pid $pid)"
  else
    echo "azurite: not running"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  install) install ;;
  connection) connection ;;
  status) if pid=$(running_pid); then echo "azurite: running (pid $pid)"; else echo "azurite: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|install|connection" >&2; exit 2 ;;
esac
