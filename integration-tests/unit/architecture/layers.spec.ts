import fs from "node:fs"
import path from "node:path"

const SRC = path.resolve(__dirname, "../../../src")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

/** Every module specifier a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8")
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)]
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3])
}

/** Resolves a relative specifier to the top-level folder of src it lands in. */
function srcLayerOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null
  const target = path.relative(SRC, path.resolve(path.dirname(file), specifier))
  return target.startsWith("..") ? "outside src" : target.split(path.sep)[0]
}

const rel = (file: string) => path.relative(SRC, file)

describe("src/lib stays pure plus the AliExpress client", () => {
  const files = sourceFiles(path.join(SRC, "lib"))

  it("finds the lib sources", () => {
    expect(files.length).toBeGreaterThan(40)
  })

  it.each(files.map((f) => [rel(f), f]))("%s imports neither Medusa nor a layer above lib", (_name, file) => {
    const offending = importsOf(file).filter((specifier) => {
      if (specifier.startsWith("@medusajs/")) return true
      const layer = srcLayerOf(file, specifier)
      return layer !== null && layer !== "lib"
    })
    expect(offending).toEqual([])
  })
})

describe("entry points and steps never reach back up", () => {
  const below = ["workflows", "modules", "links"].flatMap((dir) => sourceFiles(path.join(SRC, dir)))

  it.each(below.map((f) => [rel(f), f]))("%s imports no runner, subscriber, job or route", (_name, file) => {
    const offending = importsOf(file).filter((specifier) =>
      ["runners", "subscribers", "jobs", "api", "admin"].includes(srcLayerOf(file, specifier) ?? "")
    )
    expect(offending).toEqual([])
  })
})
