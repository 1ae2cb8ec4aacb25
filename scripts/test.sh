#!/usr/bin/env bash
# Every test layer, in order; stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== unit (client, sandbox, mapping) =="
npm run --silent test:unit
echo "== module integration (PostgreSQL) =="
npm run --silent test:modules
echo "== HTTP integration (Medusa + plugin + sandbox on PostgreSQL) =="
npm run --silent test:http
if [ -f integration-tests/browser/run.js ]; then
  echo "== browser (Chromium) =="
  npm run --silent test:browser
fi
