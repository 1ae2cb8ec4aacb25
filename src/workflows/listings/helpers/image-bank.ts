import { createHash } from "node:crypto"
import axios from "axios"
import type { AliExpressClient } from "../../../lib/aliexpress"
import type AliExpressModuleService from "../../../modules/aliexpress/service"
import { classifyFailure, describeError, type FailureKind } from "../../../lib/listings/problems"

export type ImageFailure = { message: string; stage: "download" | "upload"; kind: FailureKind; error: unknown }

/** Image-bank URLs by source URL, and why the others could not be had. */
export type ListingImages = {
  urls: Record<string, string>
  failures: Record<string, ImageFailure>
}

const MAX_IMAGE_BYTES = 3 * 1024 * 1024

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

function failure(error: unknown, stage: "download" | "upload"): ImageFailure {
  const e = error as any
  return {
    message: describeError(error),
    stage,
    kind: stage === "download" ? "refused" : classifyFailure(error),
    error: { name: e?.name, code: e?.code, subCode: e?.subCode, message: e?.message },
  }
}

/**
 * Gives source images their image-bank URLs, each distinct picture uploaded once per account:
 * known URLs come from the cache table (read once per page), others are downloaded and looked up
 * by content hash before anything is uploaded. Pictures are resolved per product, as its post
 * comes up, so uploads and posts share the time instead of one waiting for the other. The unique
 * (account, content hash) index settles two workers uploading the same picture at once.
 */
export class ImageBank {
  readonly images: ListingImages = { urls: {}, failures: {} }
  private readonly pending = new Map<string, Promise<void>>()

  constructor(
    private readonly service: AliExpressModuleService,
    private readonly accountId: string,
    private readonly client: AliExpressClient
  ) {}

  /** Reads the cache rows of every URL the page will need, in one query. */
  async prefetch(sourceUrls: string[]): Promise<void> {
    const wanted = [...new Set(sourceUrls)].filter((u) => !this.images.urls[u])
    if (!wanted.length) {
      return
    }
    const known = await this.service.listAliExpressImages(
      { account_id: this.accountId, source_url: wanted },
      { select: ["source_url", "photobank_url"], take: wanted.length * 2 }
    )
    for (const row of known) {
      this.images.urls[row.source_url] = row.photobank_url
    }
  }

  /** Resolves the given URLs (each at most once per bank); failures are recorded, never thrown. */
  async resolve(sourceUrls: string[]): Promise<void> {
    await Promise.all(
      [...new Set(sourceUrls)].map((url) => {
        if (this.images.urls[url] || this.images.failures[url]) {
          return undefined
        }
        let p = this.pending.get(url)
        if (!p) {
          p = this.resolveOne(url)
          this.pending.set(url, p)
        }
        return p
      })
    )
  }

  private async resolveOne(url: string): Promise<void> {
    let bytes: Buffer
    try {
      bytes = await download(url)
    } catch (error) {
      this.images.failures[url] = failure(error, "download")
      return
    }
    const hash = createHash("sha256").update(bytes).digest("hex")
    try {
      this.images.urls[url] = await this.uploadOnce(hash, url, bytes)
    } catch (error) {
      this.images.failures[url] = failure(error, "upload")
    }
  }

  private uploadOnce(hash: string, url: string, bytes: Buffer): Promise<string> {
    const key = `${this.accountId}:${hash}`
    // Two pages worked on at once share one upload instead of racing to the image bank.
    const uploading = this.service.caches.imageUploads
    let p = uploading.get(key)
    if (!p) {
      p = this.upload(hash, url, bytes).finally(() => uploading.delete(key))
      uploading.set(key, p)
    }
    return p
  }

  private async upload(hash: string, url: string, bytes: Buffer): Promise<string> {
    const { service, accountId } = this
    const [cached] = await service.listAliExpressImages({ account_id: accountId, content_hash: hash }, { take: 1 })
    if (cached) {
      return cached.photobank_url
    }
    const { url: photobankUrl } = await this.client.uploadImage({ fileName: fileNameOf(url, hash), bytes })
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
  }
}
