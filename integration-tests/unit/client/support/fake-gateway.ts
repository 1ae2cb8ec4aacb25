import http from "node:http"
import type { AddressInfo } from "node:net"

export interface RecordedRequest {
  path: string
  /** `method` query param (sync) or the /rest path. */
  api: string
  query: Record<string, string>
  body: Record<string, string>
  rawBody: string
  contentType: string
}

export interface FakeAnswer {
  status?: number
  /** A string is sent as is; anything else as JSON. */
  body?: unknown
  delayMs?: number
}

export type FakeHandler = (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>

/** A local HTTP server standing in for the AliExpress gateway; it records what the client sent. */
export async function startFakeGateway(handler: FakeHandler) {
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      const rawBody = Buffer.concat(chunks).toString("utf8")
      const contentType = String(req.headers["content-type"] ?? "")
      const body = contentType.startsWith("application/x-www-form-urlencoded")
        ? Object.fromEntries(new URLSearchParams(rawBody))
        : {}
      const query = Object.fromEntries(url.searchParams)
      const api = url.pathname === "/sync" ? (query.method ?? body.method ?? "") : url.pathname.replace(/^\/rest/, "")
      const recorded = { path: url.pathname, api, query, body, rawBody, contentType }
      requests.push(recorded)
      const answer = await handler(recorded, requests.length - 1)
      if (answer.delayMs) {
        await new Promise((resolve) => setTimeout(resolve, answer.delayMs))
      }
      if (res.destroyed) {
        return
      }
      const payload = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {})
      res.writeHead(answer.status ?? 200, { "Content-Type": "application/json;charset=UTF-8" })
      res.end(payload)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** `{"<method>_response": payload}`, the simplify=false success envelope. */
export function syncOk(method: string, payload: Record<string, unknown>) {
  return { body: { [`${method.replace(/\./g, "_")}_response`]: { ...payload, request_id: "req-1" } } }
}

export function syncError(error: Record<string, unknown>, status = 200) {
  return { status, body: { error_response: { request_id: "req-err", ...error } } }
}
