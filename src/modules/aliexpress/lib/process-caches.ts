import type { StatusSnapshotCache } from "../../../lib/listings/product-status-snapshot"

/**
 * What one process shares between the sync pages it works on at once. It lives on the module
 * service (one instance per process) rather than in module scope; none of it is a source of
 * truth: the database is, and each entry only saves a repeated call.
 */
export class ProcessCaches {
  /** the seller's freight and service template ids, per account, read at most every ten minutes */
  readonly sellerTemplates = new Map<string, { at: number; ids: Promise<{ freight: string[]; service: string[] }> }>()
  /** image-bank uploads under way, by account and content hash: two pages share one upload */
  readonly imageUploads = new Map<string, Promise<string>>()
  /** the seller's product statuses as last listed, per account, shared by the pages of one run */
  readonly productStatuses: StatusSnapshotCache = new Map()
  /**
   * The store's account ids (all, and the connected ones), read at most every few seconds by
   * the store events that fan out to every account; this process's own account writes clear it.
   */
  accountIds: { at: number; ids: Promise<{ all: string[]; connected: string[] }> } | null = null
}
