export type AccountStatus = "disconnected" | "connected" | "reconnect_needed"

export type SyncProgress = {
  state?: "running" | "done" | "failed"
  done?: number
  total?: number
  started_at?: string
  finished_at?: string | null
  last_error?: string | null
  posted?: number
  edited?: number
  invalid?: number
  offline?: number
  unchanged?: number
  repriced?: number
} | null

export type Settings = {
  id: string
  name: string
  gateway_url: string
  app_key: string
  app_secret: string | null
  has_app_secret: boolean
  is_connected: boolean
  status: AccountStatus
  status_reason: string | null
  seller_id: string | null
  seller_nick: string | null
  access_token_expires_at: string | null
  refresh_token_expires_at: string | null
  sales_channel_id: string | null
  /** the mapping template this account lists with; null for the store's default template */
  template_id?: string | null
  stock_location_ids: string[] | null
  stock_buffer: number
  max_quantity: number | null
  price_source: "usd_price" | "convert"
  usd_rate: number
  markup_percent: number
  price_rounding: "none" | "two_decimals" | "cents_99" | "whole"
  order_import_interval_minutes: number
  last_order_import_at: string | null
  last_order_import_result: Record<string, unknown> | null
  carrier_mapping: Record<string, string> | null
  default_carrier: string
  default_tracking_website: string
  last_sync_at: string | null
  sync_progress: SyncProgress
  updated_at?: string
}

export type Problem = { field: string; message: string; hint?: string; origin?: "validation" | "marketplace" }

export type ListingStatus = "draft" | "invalid" | "pending" | "auditing" | "live" | "rejected" | "offline" | "error" | "unknown"

export type HealthState = "ok" | "warning" | "error" | "unknown"

export type JobHealth = {
  state: HealthState
  last_success_at: string | null
  last_failure_at: string | null
  last_failure_reason: string | null
  consecutive_failures: number
  incident_started_at: string | null
}

/** Each job's last success and failure, and the watched conditions (see src/lib/health/present.ts). */
export type AccountHealth = {
  state: HealthState
  order_import: JobHealth
  listing_sync: JobHealth
  shipment_push: JobHealth
  token_expiry: JobHealth
  listing_review: JobHealth
}

export type Overview = {
  account: (Pick<
    Settings,
    | "id"
    | "name"
    | "gateway_url"
    | "status"
    | "status_reason"
    | "is_connected"
    | "seller_nick"
    | "access_token_expires_at"
    | "refresh_token_expires_at"
    | "last_order_import_at"
    | "last_order_import_result"
    | "last_sync_at"
    | "sync_progress"
  > & { health?: AccountHealth }) | null
  listings: { total: number; by_status: Record<ListingStatus, number>; with_problems: number } | null
  orders: {
    by_status: Record<string, number>
    backlog?: { waiting: number; imported_per_minute: number; next_retry_at: string | null }
  } | null
  shipments: { by_status: Record<string, number> } | null
  recent_listings: {
    id: string
    product_id: string
    product_title: string | null
    status: ListingStatus
    problem_count: number
    last_synced_at: string | null
    last_error: string | null
    updated_at: string
  }[]
}

/** One row of the accounts list (GET /admin/aliexpress/accounts), oldest first. */
export type AccountSummary = Pick<
  Settings,
  | "id"
  | "name"
  | "gateway_url"
  | "app_key"
  | "status"
  | "status_reason"
  | "is_connected"
  | "seller_id"
  | "seller_nick"
  | "sales_channel_id"
  | "access_token_expires_at"
  | "refresh_token_expires_at"
  | "last_order_import_at"
> & {
  sales_channel_name: string | null
  template_id: string | null
  health_state: HealthState
  /** listings with problems plus jobs failing */
  problem_count: number
  listings_total: number
}
