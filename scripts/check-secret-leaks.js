#!/usr/bin/env node
/**
 * After the test run: no secret that the tests handed to the plugin (recorded
 * in artifacts/known-secrets.txt) may appear in the captured test output,
 * which holds every log line and every response the tests printed.
 */
const fs = require("fs")
const path = require("path")

const root = path.resolve(__dirname, "..")
const secretsFile = path.join(root, "artifacts", "known-secrets.txt")
const logFile = process.argv[2] || path.join(root, "artifacts", "test-output.log")

const secrets = fs.existsSync(secretsFile)
  ? [...new Set(fs.readFileSync(secretsFile, "utf8").split("\n").filter((s) => s.length >= 8))]
  : []
const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""

let failed = 0
for (const secret of secrets) {
  const at = log.indexOf(secret)
  if (at !== -1) {
    failed++
    const line = log.slice(log.lastIndexOf("\n", at) + 1, log.indexOf("\n", at)).slice(0, 200)
    console.error(`secret ${secret.slice(0, 4)}… appears in the test output: ${line.replace(secret, "<SECRET>")}`)
  }
}
console.log(`secret leak check: ${secrets.length} secrets searched in ${log.length} bytes of output`)
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`)
process.exit(failed === 0 ? 0 : 1)
