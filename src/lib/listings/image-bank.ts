import { createHash } from "node:crypto"
import axios from "axios"
import type { AliExpressClient } from "../aliexpress"
import type AliExpressModuleService from "../../modules/aliexpress/service"
import { runPool } from "./pool"
import type { FailureKind } from "./problems"

export type ImageFailure = { message: string; stage: "download" | "upload"; kind: FailureKind; error: unknown }

/** Image-bank URLs for a batch, as the upload step hands them to the publish step. */
export type ListingImages = {
  urls: Record<string, string>
  failures: Record<string, ImageFailure>
}

const MAX_IMAGE_BYTES = 3 * 1024 * 1024

export type ImageResolution = {
  /** source URL -> image-bank URL */
  urls: Record<string, string>
  /** source URL -> why it could not be had */
  failures: Record<string, { error: unknown; stage: "download" | "upload" }>
}

function fileNameOf(url: string, hash: string): string {
  const path = url.split(/[?#]/)[0]
  const ext = /\.(jpe?g|png|gif)$/i.exec(path)?.[1]?.toLowerCase() ?? "jpg"
  return `${hash.slice(0, 32)}.${ext}`
}

async function download(url: string): Promise<Buffer> {
  const res = await axios.get<ArrayBuffer>(url, {
    responseType: "arraybuffer",
    timeout: 30000,
    maxContentLength: MAX_IMAGE_BYTES,
    validateStatus: (s) => s >= 200 && s < 300,
  })
  return Buffer.from(res.data)
}

/**
 * Gives every source image its image-bank URL, uploading each distinct picture once per
 * account: known URLs are read from the cache table, others are downloaded and looked up
 * by content hash before anything is uploaded. The unique (account, content hash) index
 * settles two workers uploading the same picture at once.
 */
export async function resolveImages(
  service: AliExpressModuleService,
  accountId: string,
  client: AliExpressClient,
  sourceUrls: string[],
  concurrency: number
): Promise<ImageResolution> {
  const result: ImageResolution = { urls: {}, failures: {} }
  const wanted = [...new Set(sourceUrls)]
  if (!wanted.length) {
    return result
  }
  const known = await service.listAliExpressImages({ account_id: accountId, source_url: wanted }, { take: wanted.length * 2 })
  for (const row of known) {
    result.urls[row.source_url] = row.photobank_url
  }
  const missing = wanted.filter((u) => !result.urls[u])
  const uploads = new Map<string, Promise<string>>()

  const uploadOnce = (hash: string, url: string, bytes: Buffer): Promise<string> => {
    let pending = uploads.get(hash)
    if (!pending) {
      pending = (async () => {
        const [cached] = await service.listAliExpressImages({ account_id: accountId, content_hash: hash }, { take: 1 })
        if (cached) {
          return cached.photobank_url
        }
        const { url: photobankUrl } = await client.uploadImage({ fileName: fileNameOf(url, hash), bytes })
        try {
          await service.createAliExpressImages({ account_id: accountId, source_url: url, content_hash: hash, photobank_url: photobankUrl })
          return photobankUrl
        } catch (e) {
          const [winner] = await service.listAliExpressImages({ account_id: accountId, content_hash: hash }, { take: 1 })
          if (winner) {
            return winner.photobank_url
          }
          throw e
        }
      })()
      uploads.set(hash, pending)
    }
    return pending
  }

  await runPool(missing, concurrency, async (url) => {
    let bytes: Buffer
    try {
      bytes = await download(url)
    } catch (error) {
      result.failures[url] = { error, stage: "download" }
      return
    }
    const hash = createHash("sha256").update(bytes).digest("hex")
    try {
      result.urls[url] = await uploadOnce(hash, url, bytes)
    } catch (error) {
      result.failures[url] = { error, stage: "upload" }
    }
  })
  return result
}
