import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Daily activity counters for the overview charts: one row per account, UTC day and kind. */
export class Migration20261129181000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "aliexpress_daily_activity" ("id" text not null, "account_id" text not null, "day" text not null, "kind" text not null, "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_daily_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_daily_activity_deleted_at" ON "aliexpress_daily_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_daily_activity_account_id_day_kind_unique" ON "aliexpress_daily_activity" ("account_id", "day", "kind") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aliexpress_daily_activity" cascade;`);
  }

}
