import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129163855 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_category_attributes" drop constraint if exists "aliexpress_category_attributes_account_id_category_id_unique";`);
    this.addSql(`create table if not exists "aliexpress_category_attributes" ("id" text not null, "account_id" text not null, "category_id" text not null, "attributes" jsonb not null, "sku_attributes" jsonb not null, "fetched_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_category_attributes_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_category_attributes_deleted_at" ON "aliexpress_category_attributes" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_category_attributes_account_id_category_id_unique" ON "aliexpress_category_attributes" ("account_id", "category_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "aliexpress_template" add column if not exists "attributes" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aliexpress_category_attributes" cascade;`);

    this.addSql(`alter table if exists "aliexpress_template" drop column if exists "attributes";`);
  }

}
