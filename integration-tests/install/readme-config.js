/**
 * The plugin entry of the README's install section, read from README.md itself, so the install
 * test configures the app exactly as a merchant following the README would.
 */
const fs = require("fs")
const path = require("path")

const README = path.resolve(__dirname, "../../README.md")

/** The README's `medusa-config.ts` block that registers the plugin. */
function readmeConfigBlock(readme = fs.readFileSync(README, "utf8")) {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
  const block = blocks.find((b) => /resolve:\s*"medusa-plugin-aliexpress"/.test(b) && /plugins:\s*\[/.test(b))
  if (!block) {
    throw new Error('README.md has no ```ts block with `plugins: [{ resolve: "medusa-plugin-aliexpress" ... }]`')
  }
  return block
}

/** `plugins: [ ... ]` out of that block, brackets matched, ready to paste into a defineConfig call. */
function readmePluginsEntry(readme) {
  const block = readmeConfigBlock(readme)
  const start = block.search(/plugins:\s*\[/)
  const open = block.indexOf("[", start)
  let depth = 0
  for (let i = open; i < block.length; i++) {
    const ch = block[i]
    if (ch === "[" || ch === "{" || ch === "(") depth++
    if (ch === "]" || ch === "}" || ch === ")") depth--
    if (depth === 0) {
      return block.slice(start, i + 1)
    }
  }
  throw new Error("README.md: the plugins array of the config block is not closed")
}

module.exports = { readmeConfigBlock, readmePluginsEntry }
