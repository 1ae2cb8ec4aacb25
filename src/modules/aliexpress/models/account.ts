import { model } from "@medusajs/framework/utils"

export const ACCOUNT_STATUSES = ["disconnected", "connected", "reconnect_needed"] as const
export const PRICE_SOURCES = ["usd_price", "convert"] as const
export const PRICE_ROUNDINGS = ["none", "two_decimals", "cents_99", "whole"] as const

/**
 * An AliExpress seller account and the merchant's sync settings for it.
 * Secrets (app secret, tokens) are stored encrypted by the module service.
 */
export const AliExpressAccount = model.define("aliexpress_account", {
  id: model.id({ prefix: "aeacc" }).primaryKey(),
  name: model.text().default("AliExpress"),
  gateway_url: model.text(),
  app_key: model.text(),
  app_secret_encrypted: model.text().nullable(),
  access_token_encrypted: model.text().nullable(),
  refresh_token_encrypted: model.text().nullable(),
  access_token_expires_at: model.dateTime().nullable(),
  refresh_token_expires_at: model.dateTime().nullable(),
  seller_id: model.text().nullable(),
  seller_nick: model.text().nullable(),
  status: model.enum([...ACCOUNT_STATUSES]).default("disconnected"),
  status_reason: model.text().nullable(),
  sales_channel_id: model.text().nullable(),
  stock_location_ids: model.json().nullable(),
  stock_buffer: model.number().default(0),
  max_quantity: model.number().nullable(),
  price_source: model.enum([...PRICE_SOURCES]).default("usd_price"),
  usd_rate: model.float().default(1),
  markup_percent: model.float().default(0),
  price_rounding: model.enum([...PRICE_ROUNDINGS]).default("two_decimals"),
  order_import_interval_minutes: model.number().default(1),
  order_watermark: model.dateTime().nullable(),
  last_order_import_at: model.dateTime().nullable(),
  last_order_import_result: model.json().nullable(),
  carrier_mapping: model.json().nullable(),
  default_carrier: model.text().default("OTHER_US_OVERSEAS"),
  default_tracking_website: model.text().default("https://www.17track.net"),
  last_sync_at: model.dateTime().nullable(),
  sync_progress: model.json().nullable(),
  existing_listings_imported_at: model.dateTime().nullable(),
  /** the mapping template this account lists with; null: the store's default template */
  template_id: model.text().nullable(),
})
