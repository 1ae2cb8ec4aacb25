#!/usr/bin/env bash
# Every test layer, in order; stops at the first failing layer. The whole
# output is kept in artifacts/test-output.log and searched for leaked secrets.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p artifacts
: > artifacts/test-output.log
rm -f artifacts/known-secrets.txt

layer() {
  echo "== $1 ==" | tee -a artifacts/test-output.log
  shift
  "$@" 2>&1 | tee -a artifacts/test-output.log
}

layer "unit (client, sandbox, mapping)" npm run --silent test:unit
layer "module integration (PostgreSQL)" npm run --silent test:modules
layer "HTTP integration (Medusa + plugin + sandbox on PostgreSQL)" npm run --silent test:http
layer "reliability (real medusa processes: crash, scale-out, migrations)" env TEST_TYPE=integration:reliability NODE_OPTIONS=--experimental-vm-modules npx jest --silent=false --runInBand --forceExit
layer "install (the packed plugin in a fresh Medusa app, as the README says)" npm run --silent test:install
if [ -f integration-tests/browser/run.js ]; then
  layer "browser (Chromium)" npm run --silent test:browser
fi
layer "secret leak check" node scripts/check-secret-leaks.js artifacts/test-output.log
