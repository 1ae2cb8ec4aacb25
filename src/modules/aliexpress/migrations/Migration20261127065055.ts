import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127065055 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_shipment" drop constraint if exists "aliexpress_shipment_fulfillment_id_unique";`);
    this.addSql(`alter table if exists "aliexpress_order" drop constraint if exists "aliexpress_order_account_id_ae_order_id_unique";`);
    this.addSql(`alter table if exists "aliexpress_lookup_list" drop constraint if exists "aliexpress_lookup_list_name_unique";`);
    this.addSql(`alter table if exists "aliexpress_listing" drop constraint if exists "aliexpress_listing_account_id_ae_product_id_unique";`);
    this.addSql(`alter table if exists "aliexpress_listing" drop constraint if exists "aliexpress_listing_account_id_product_id_unique";`);
    this.addSql(`alter table if exists "aliexpress_image" drop constraint if exists "aliexpress_image_account_id_content_hash_unique";`);
    this.addSql(`create table if not exists "aliexpress_account" ("id" text not null, "name" text not null default 'AliExpress', "gateway_url" text not null, "app_key" text not null, "app_secret_encrypted" text null, "access_token_encrypted" text null, "refresh_token_encrypted" text null, "access_token_expires_at" timestamptz null, "refresh_token_expires_at" timestamptz null, "seller_id" text null, "seller_nick" text null, "status" text check ("status" in ('disconnected', 'connected', 'reconnect_needed')) not null default 'disconnected', "status_reason" text null, "sales_channel_id" text null, "stock_location_ids" jsonb null, "stock_buffer" integer not null default 0, "max_quantity" integer null, "price_source" text check ("price_source" in ('usd_price', 'convert')) not null default 'usd_price', "usd_rate" real not null default 1, "markup_percent" real not null default 0, "price_rounding" text check ("price_rounding" in ('none', 'two_decimals', 'cents_99', 'whole')) not null default 'two_decimals', "order_import_interval_minutes" integer not null default 1, "order_watermark" timestamptz null, "last_order_import_at" timestamptz null, "last_order_import_result" jsonb null, "carrier_mapping" jsonb null, "default_carrier" text not null default 'OTHER_US_OVERSEAS', "default_tracking_website" text not null default 'https://www.17track.net', "last_sync_at" timestamptz null, "sync_progress" jsonb null, "existing_listings_imported_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_account_deleted_at" ON "aliexpress_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_image" ("id" text not null, "account_id" text not null, "source_url" text not null, "content_hash" text not null, "photobank_url" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_image_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_image_deleted_at" ON "aliexpress_image" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_image_account_id_content_hash_unique" ON "aliexpress_image" ("account_id", "content_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_image_account_id_source_url" ON "aliexpress_image" ("account_id", "source_url") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_listing" ("id" text not null, "account_id" text not null, "product_id" text null, "product_title" text null, "search_text" text null, "ae_product_id" text null, "ae_status" text null, "status" text check ("status" in ('draft', 'invalid', 'pending', 'auditing', 'live', 'rejected', 'offline', 'error')) not null default 'draft', "problems" jsonb null, "problem_count" integer not null default 0, "sku_codes" jsonb null, "content_hash" text null, "price_hash" text null, "stock_hash" text null, "refused_hash" text null, "last_payload" jsonb null, "last_error" text null, "audit_reason" text null, "attempts" integer not null default 0, "last_synced_at" timestamptz null, "next_attempt_at" timestamptz null, "sync_requested_at" timestamptz null, "post_started_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_listing_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_deleted_at" ON "aliexpress_listing" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_listing_account_id_product_id_unique" ON "aliexpress_listing" ("account_id", "product_id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_listing_account_id_ae_product_id_unique" ON "aliexpress_listing" ("account_id", "ae_product_id") WHERE ae_product_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_status" ON "aliexpress_listing" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_sync_requested_at" ON "aliexpress_listing" ("sync_requested_at") WHERE sync_requested_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_lookup_list" ("id" text not null, "name" text not null, "description" text null, "entries" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_lookup_list_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_lookup_list_deleted_at" ON "aliexpress_lookup_list" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_lookup_list_name_unique" ON "aliexpress_lookup_list" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_order" ("id" text not null, "account_id" text not null, "ae_order_id" text not null, "order_id" text null, "status" text check ("status" in ('importing', 'imported', 'held', 'failed', 'canceled')) not null default 'importing', "ae_status" text null, "ae_end_reason" text null, "buyer_login_id" text null, "total_amount" text null, "currency_code" text not null default 'usd', "ship_by" timestamptz null, "problems" jsonb null, "last_error" text null, "attempts" integer not null default 0, "ae_created_at" timestamptz null, "ae_updated_at" timestamptz null, "imported_at" timestamptz null, "last_attempt_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_order_deleted_at" ON "aliexpress_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_order_account_id_ae_order_id_unique" ON "aliexpress_order" ("account_id", "ae_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_order_order_id" ON "aliexpress_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_order_status" ON "aliexpress_order" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_order_ae_status" ON "aliexpress_order" ("ae_status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_shipment" ("id" text not null, "account_id" text not null, "ae_order_id" text not null, "order_id" text not null, "fulfillment_id" text not null, "binding_id" text null, "service_name" text not null, "tracking_number" text not null, "tracking_website" text null, "send_type" text check ("send_type" in ('all', 'part')) not null, "status" text check ("status" in ('pending', 'sent', 'failed')) not null default 'pending', "pushed_service_name" text null, "pushed_tracking_number" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "last_error_code" text null, "last_attempt_at" timestamptz null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_shipment_deleted_at" ON "aliexpress_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_shipment_fulfillment_id_unique" ON "aliexpress_shipment" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_shipment_status_next_attempt_at" ON "aliexpress_shipment" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_shipment_ae_order_id" ON "aliexpress_shipment" ("ae_order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "aliexpress_template" ("id" text not null, "name" text not null, "is_default" boolean not null default false, "fields" jsonb not null, "settings" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_template_deleted_at" ON "aliexpress_template" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aliexpress_account" cascade;`);

    this.addSql(`drop table if exists "aliexpress_image" cascade;`);

    this.addSql(`drop table if exists "aliexpress_listing" cascade;`);

    this.addSql(`drop table if exists "aliexpress_lookup_list" cascade;`);

    this.addSql(`drop table if exists "aliexpress_order" cascade;`);

    this.addSql(`drop table if exists "aliexpress_shipment" cascade;`);

    this.addSql(`drop table if exists "aliexpress_template" cascade;`);
  }

}
