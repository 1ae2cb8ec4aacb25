import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Held and failed order bindings carry when they are tried again, so a backlog is retried on a back-off. */
export class Migration20261129171000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_order" add column if not exists "next_attempt_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_order_next_attempt_at" ON "aliexpress_order" ("next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_aliexpress_order_next_attempt_at";`);
    this.addSql(`alter table if exists "aliexpress_order" drop column if exists "next_attempt_at";`);
  }

}
