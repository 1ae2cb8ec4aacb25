import fs from "fs"
import path from "path"

export type RouteEntry = { url: string; file: string; methods: string[] }

const METHOD = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g

/**
 * Every route the plugin serves, read from the files under src/api (so a new
 * route is covered by the security tests without anyone listing it).
 */
export function listRoutes(prefix: "admin" | "hooks", root = path.join(process.cwd(), "src", "api")): RouteEntry[] {
  const base = path.join(root, prefix)
  const out: RouteEntry[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const rel = path.relative(root, dir).split(path.sep)
        const url = "/" + rel.map((seg) => seg.replace(/^\[(.+)\]$/, "test_$1")).join("/")
        const methods = [...fs.readFileSync(full, "utf8").matchAll(METHOD)].map((m) => m[1])
        out.push({ url, file: path.relative(process.cwd(), full), methods })
      }
    }
  }
  if (fs.existsSync(base)) {
    walk(base)
  }
  return out.sort((a, b) => a.url.localeCompare(b.url))
}
