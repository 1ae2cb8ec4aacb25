import http from "node:http"
import { AddressInfo, Socket } from "node:net"
import { ControlApi } from "./control"
import { Gateway } from "./gateway"
import { sendJson, sendText } from "./http-util"
import { OAuthPages } from "./oauth"
import { SandboxOptions, runtimeConfigFrom, sandboxOptionsSchema } from "./options"
import { PushSender } from "./push"
import { SandboxStore } from "./store"

export interface SandboxHandle {
  /** Base URL, e.g. `http://127.0.0.1:9100`; `/sync` and `/rest` live under it. */
  url: string
  port: number
  state: SandboxStore
  stop(): Promise<void>
}

const KF_PATH = /^\/kf\/([A-Za-z0-9_-]+)\.(jpg|png|gif)$/

/** Starts a local server that answers like the AliExpress seller API. */
export async function startSandbox(input: SandboxOptions): Promise<SandboxHandle> {
  const options = sandboxOptionsSchema.parse(input)
  const logger = options.logger ?? {}
  const store = new SandboxStore(runtimeConfigFrom(options), options.seed, options.dataFile)
  if (store.load()) {
    logger.info?.(`sandbox: loaded state from ${options.dataFile}`)
  }
  const imageHosts = new Set(["127.0.0.1", "localhost", "[::1]", options.host, "ae01.alicdn.com"])
  const gateway = new Gateway(store, options.appKey, options.appSecret, imageHosts, logger)
  const oauth = new OAuthPages(store, options.appKey)
  const control = new ControlApi(store, gateway.limiter)
  const push = new PushSender(store, options.appSecret, logger)
  store.orderListener = (order, last, seller) => push.orderChanged(order, last, seller)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.local")
    const path = url.pathname
    let work: Promise<void> | void = undefined
    if (path === "/sync") {
      work = gateway.handle(req, res, url, "sync")
    } else if (path === "/rest" || path.startsWith("/rest/")) {
      work = gateway.handle(req, res, url, "rest")
    } else if (path === "/oauth/authorize" || path === "/oauth/authorize/approve") {
      work = oauth.handle(req, res, url)
    } else if (path.startsWith("/__sandbox/")) {
      work = control.handle(req, res, url)
    } else if (KF_PATH.test(path) && req.method === "GET") {
      const [, hash, ext] = KF_PATH.exec(path)!
      const image = store.findImage(hash)
      if (image && image.ext === ext) {
        sendText(res, 200, image.content_type, image.data, { "cache-control": "public, max-age=31536000" })
      } else {
        sendText(res, 404, "text/plain", "Not Found")
      }
    } else {
      sendJson(res, 404, JSON.stringify({ error: { code: "not_found", message: `no route ${req.method} ${path}` } }))
    }
    Promise.resolve(work).catch((error: Error) => {
      logger.error?.(`sandbox: ${req.method} ${path} failed: ${error.stack ?? error}`)
      if (!res.headersSent) {
        sendJson(res, 500, JSON.stringify({ error: { code: "internal", message: error.message } }))
      } else {
        res.destroy()
      }
    })
  })
  server.keepAliveTimeout = 5000

  const sockets = new Set<Socket>()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, options.host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const host = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`

  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      gateway.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) {
        socket.destroy()
      }
      await closed
      await Promise.race([push.drain(), new Promise((resolve) => setTimeout(resolve, 1000).unref())])
      await store.flush()
    })()
    return stopped
  }

  return { url, port, state: store, stop }
}
