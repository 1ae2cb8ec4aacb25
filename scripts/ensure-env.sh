#!/usr/bin/env bash
# Makes a fresh clone runnable: installs dependencies when missing or stale,
# and starts the local PostgreSQL (and Redis) when they are installed but down.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql >/dev/null 2>&1; then
    echo "Starting the local PostgreSQL cluster..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
  if ! pg_up; then
    echo "PostgreSQL is not reachable on 127.0.0.1:5432: start it (or set DATABASE_URL) and run this again." >&2
    exit 1
  fi
fi

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 || true
fi

# `npm test` ends with the browser layer, which drives Debian's Chromium. Installed here the way
# .ci/run does when this runs as root with apt; otherwise the one command to run is printed.
if [ "${1:-}" = "--browser" ] && [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "Chromium could not be installed: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and run npm test again." >&2
  else
    echo "Chromium is missing for the browser tests: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH) and run npm test again." >&2
  fi
fi
