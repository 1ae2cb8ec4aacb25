/** AliExpress stamps `gmt_update` late and clocks drift: every window reaches back this far. */
export const ORDER_WINDOW_OVERLAP_MS = 10 * 60 * 1000

/** How far past our own clock a window's query reaches, for AliExpress timestamps that run ahead. */
export const CLOCK_SKEW_ALLOWANCE_MS = 60 * 1000

/** How far back the very first import looks when there is no watermark yet. */
export const FIRST_IMPORT_LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000

/** AliExpress refuses order windows longer than 180 days; stay well inside it. */
export const MAX_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

/**
 * An `importing` claim untouched for this long belongs to a run that died:
 * one order takes well under a second to import.
 */
export const STALE_CLAIM_MS = 2 * 60 * 1000

export const orderImportLockKey = (accountId: string) => `aliexpress:order-import:${accountId}`
export const shipmentPushLockKey = (accountId: string) => `aliexpress:shipment-push:${accountId}`

/** Seconds a caller waits for another import run before giving up on its own. */
export const ORDER_IMPORT_LOCK_TIMEOUT_S = 120

export const ORDER_PAGE_SIZE = 50

/** The first retry of a held or failed order; later ones back off (see `orderRetryAt`). */
export const FAILED_ORDER_RETRY_MS = 60 * 1000

export const SHIPMENT_MAX_ATTEMPTS = 8

export const BUYER_EMAIL_DOMAIN = "buyer.aliexpress.invalid"

export const ORDER_IMPORTED_EVENT = "aliexpress.order.imported"
export const ORDER_HELD_EVENT = "aliexpress.order.held"
export const SHIPMENT_SENT_EVENT = "aliexpress.shipment.sent"
export const SHIPMENT_FAILED_EVENT = "aliexpress.shipment.failed"

export const ORDER_PUSH_RECEIVED_EVENT = "aliexpress.order.push_received"

/** Push messages older than this (or this far in the future) are refused as stale. */
export const PUSH_MAX_AGE_MS = 5 * 60 * 1000
export const PUSH_MAX_BYTES = 64 * 1024
/** Seen message ids are kept longer than a message stays fresh, so a replay is either seen or stale. */
export const PUSH_REPLAY_TTL_S = 15 * 60
