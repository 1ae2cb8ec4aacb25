#!/usr/bin/env node
const fs = require("node:fs")
const path = require("node:path")

const built = path.join(__dirname, "../.medusa/server/src/sandbox/cli.js")

if (fs.existsSync(built)) {
  require(built)
} else {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
  require("../src/sandbox/cli.ts")
}
