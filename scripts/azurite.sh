#!/usr/bin/env bash
# Azurite, the local Azure Storage (blob, queue, table), as a real dependency of MedEdu.
# usage: scripts/azurite.sh start|stop|status|install
# Installs the pinned version from package-lock.json (npm ci) on first use, keeps its data under
# .azurite/ (git-ignored) and stops exactly the process it started, by the pid it recorded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.azurite"
pidfile="$dir/azurite.pid"
ports=(10000 10001 10002)

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
    >"$dir/azurite.log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 150); do
    if answers; then
      echo "azurite: blob, queue and table answer on 127.0.0.1:10000-10002 (pid $(cat "$pidfile"), data in .azurite/data)"
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
  status) if pid=$(running_pid); then echo "azurite: running (pid $pid)"; else echo "azurite: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|install" >&2; exit 2 ;;
esac
