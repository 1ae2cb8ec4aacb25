import http from "http"
import type { AddressInfo } from "net"
import { COLORS, teeJpeg, teePng } from "../../scripts/lib/demo-images"

/**
 * Serves generated product pictures over real HTTP, as a store's file
 * provider would: GET /<anything>.jpg or .png. Counts requests per path.
 */
export async function startImageServer(): Promise<{ url: string; hits: Map<string, number>; stop(): Promise<void> }> {
  const hits = new Map<string, number>()
  const palette = Object.values(COLORS)
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]
    hits.set(path, (hits.get(path) ?? 0) + 1)
    const seed = [...path].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7)
    const color = palette[seed % palette.length]
    if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
      res.writeHead(200, { "content-type": "image/jpeg" }).end(teeJpeg(color, 64))
    } else if (path.endsWith(".png")) {
      res.writeHead(200, { "content-type": "image/png" }).end(teePng(color, 64))
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
