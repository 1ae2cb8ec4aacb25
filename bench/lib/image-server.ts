import http from "http"
import type { AddressInfo } from "net"
import { COLORS, teeJpeg } from "../../scripts/lib/demo-images"

/**
 * Serves a distinct JPEG for every path: a generated tee picture with the path written into
 * a JPEG comment segment. The plugin uploads each distinct picture once (it dedupes by content
 * hash), so every URL must be a different file for "one upload per image" to be the bound.
 */
export async function startBenchImageServer(): Promise<{ url: string; hits: () => number; stop(): Promise<void> }> {
  const palette = Object.values(COLORS)
  const bases = palette.map((color) => teeJpeg(color, 64))
  let hits = 0
  const server = http.createServer((req, res) => {
    hits++
    const path = (req.url ?? "/").split("?")[0]
    if (!/\.jpe?g$/.test(path)) {
      res.writeHead(404).end()
      return
    }
    const seed = [...path].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)
    const base = bases[seed % bases.length]
    const text = Buffer.from(`bench ${path}`, "latin1")
    const comment = Buffer.alloc(4)
    comment[0] = 0xff
    comment[1] = 0xfe
    comment.writeUInt16BE(text.length + 2, 2)
    // SOI, then the comment, then the rest of the file.
    const body = Buffer.concat([base.subarray(0, 2), comment, text, base.subarray(2)])
    res.writeHead(200, { "content-type": "image/jpeg", "content-length": body.length }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
