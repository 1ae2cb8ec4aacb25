#!/usr/bin/env bash
# The full-size reliability runs the issue asks for, too slow for every `npm test` on two
# cores: 200 products and 100 buyer orders through the fault storm (two accounts storming at
# once, 100 products and 50 orders each: the sizes are per account), and a crash test with
# 200 products. Usage: bash scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh
mkdir -p artifacts
export NODE_OPTIONS=--experimental-vm-modules
RELIABILITY_PRODUCTS="${RELIABILITY_PRODUCTS:-100}" RELIABILITY_ORDERS="${RELIABILITY_ORDERS:-50}" RELIABILITY_CONVERGE_MS="${RELIABILITY_CONVERGE_MS:-900000}" \
  TEST_TYPE=integration:http npx jest --silent=false --runInBand --forceExit integration-tests/http/reliability-faults.spec.ts 2>&1 | tee artifacts/soak-output.log
RELIABILITY_CRASH_PRODUCTS="${RELIABILITY_CRASH_PRODUCTS:-200}" RELIABILITY_CRASH_ORDERS="${RELIABILITY_CRASH_ORDERS:-50}" \
  TEST_TYPE=integration:reliability npx jest --silent=false --runInBand --forceExit 2>&1 | tee -a artifacts/soak-output.log
node scripts/check-secret-leaks.js artifacts/soak-output.log
