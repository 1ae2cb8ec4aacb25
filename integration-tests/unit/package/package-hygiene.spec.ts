import fs from "fs"
import path from "path"

const root = path.join(__dirname, "../../..")
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))

/** The source file a built path of the package comes from. */
function sourceOf(target: string): string[] {
  const rel = target.replace(/^\.\/\.medusa\/server\//, "")
  if (rel.startsWith("src/admin/")) return [path.join(root, "src/admin")]
  return [".ts", ".tsx"].map((ext) => path.join(root, rel.replace(/\.m?js$/, ext)))
}

describe("package", () => {
  it("exports only what the build produces", () => {
    const targets: [string, string][] = Object.entries(pkg.exports).flatMap(([key, target]) =>
      typeof target === "string" ? [[key, target]] : Object.values(target as Record<string, string>).map((t) => [key, t] as [string, string])
    )
    const missing: string[] = []
    for (const [key, target] of targets) {
      if (target === "./package.json") continue
      if (target.includes("*")) {
        // A pattern: the folder it points into exists.
        const folder = target.replace(/^\.\/\.medusa\/server\//, "").split("*")[0]
        if (!fs.existsSync(path.join(root, folder))) missing.push(`${key} -> ${target}`)
        continue
      }
      if (!sourceOf(target).some((file) => fs.existsSync(file))) missing.push(`${key} -> ${target}`)
    }
    expect(missing).toEqual([])
  })

  it("ships the build without the development medusa-config or tests", () => {
    expect(pkg.files).toEqual(expect.arrayContaining([".medusa/server", "!.medusa/server/medusa-config.js", "!.medusa/server/**/__tests__", "bin"]))
    expect(pkg.scripts.prepack).toBe("medusa plugin:build")
  })
})
