import { IncomingMessage, ServerResponse } from "node:http"
import { UploadedFile } from "./context"

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyTooLargeError(`request body over ${limit} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\*?=\\s*(?:"([^"]*)"|([^;]*))`, "i").exec(header)
  return match ? (match[1] ?? match[2]).trim() : undefined
}

/** Minimal multipart/form-data parser: text fields and file parts. */
export function parseMultipart(
  body: Buffer,
  contentType: string
): { fields: Record<string, string>; files: Record<string, UploadedFile> } {
  const fields: Record<string, string> = {}
  const files: Record<string, UploadedFile> = {}
  const boundary = headerParam(contentType, "boundary")
  if (!boundary) {
    return { fields, files }
  }
  const delimiter = Buffer.from(`--${boundary}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    start += delimiter.length
    if (body[start] === 0x2d && body[start + 1] === 0x2d) {
      break
    }
    const headerEnd = body.indexOf("\r\n\r\n", start)
    if (headerEnd === -1) {
      break
    }
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd)
    if (next === -1) {
      break
    }
    const headers = body.subarray(start, headerEnd).toString("utf8")
    const content = body.subarray(headerEnd + 4, next)
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? ""
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim()
    const name = headerParam(disposition, "name")
    const fileName = headerParam(disposition, "filename")
    if (name) {
      if (fileName !== undefined) {
        files[name] = { fileName, contentType: type, data: Buffer.from(content) }
      } else {
        fields[name] = content.toString("utf8")
      }
    }
    start = next + 2
  }
  return { fields, files }
}

/** Query string and body merged (body wins); file parts apart. */
export function collectParams(
  url: URL,
  req: IncomingMessage,
  body: Buffer
): { params: Record<string, string>; files: Record<string, UploadedFile> } {
  const params: Record<string, string> = {}
  for (const [key, value] of url.searchParams) {
    params[key] = value
  }
  const contentType = String(req.headers["content-type"] ?? "")
  let files: Record<string, UploadedFile> = {}
  if (/multipart\/form-data/i.test(contentType)) {
    const parsed = parseMultipart(body, contentType)
    Object.assign(params, parsed.fields)
    files = parsed.files
  } else if (body.length > 0 && (/x-www-form-urlencoded/i.test(contentType) || !contentType)) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) {
      params[key] = value
    }
  }
  return { params, files }
}

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "content-length": Buffer.byteLength(body),
  })
  res.end(body)
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers })
  res.end(body)
}

export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8").trim()
  return text ? JSON.parse(text) : {}
}
