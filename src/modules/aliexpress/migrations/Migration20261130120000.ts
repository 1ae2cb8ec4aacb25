import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The listing queue is read a page at a time by account, request time and id. A rule change
 * queues every listing at the same instant, and an index on the time alone left each page to
 * sort all the tied rows (100,000 at the plugin's ceiling).
 */
export class Migration20261130120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_account_id_sync_requested_at_id" ON "aliexpress_listing" ("account_id", "sync_requested_at", "id") WHERE sync_requested_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_aliexpress_listing_sync_requested_at";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_sync_requested_at" ON "aliexpress_listing" ("sync_requested_at") WHERE sync_requested_at IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_aliexpress_listing_account_id_sync_requested_at_id";`);
  }

}
