import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The account's health (one row per job or condition, shared by every process), and when a
 * listing was last sent for review, which spaces the rechecks of its verdict.
 */
export class Migration20261129180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "aliexpress_health" ("id" text not null, "account_id" text not null, "subject" text check ("subject" in ('order_import', 'listing_sync', 'shipment_push', 'token_expiry', 'listing_review')) not null, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "last_failure_reason" text null, "consecutive_failures" integer not null default 0, "incident_started_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_health_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_health_account_id_subject_unique" ON "aliexpress_health" ("account_id", "subject") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_health_deleted_at" ON "aliexpress_health" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table if exists "aliexpress_listing" add column if not exists "submitted_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aliexpress_health" cascade;`);
    this.addSql(`alter table if exists "aliexpress_listing" drop column if exists "submitted_at";`);
  }

}
