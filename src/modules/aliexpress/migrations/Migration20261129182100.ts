import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The admin's Products page at 100,000 listings: its first page and each filter read an index
 * instead of the table (newest first, by status, with problems), the overviews count from one
 * index, and the title/SKU search uses a trigram index when PostgreSQL's pg_trgm extension can
 * be had (without it the search still works, by scanning).
 */
export class Migration20261129182100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_bound_updated_at" ON "aliexpress_listing" ("updated_at", "id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_status_updated_at" ON "aliexpress_listing" ("status", "updated_at", "id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_problems_updated_at" ON "aliexpress_listing" ("updated_at", "id") WHERE problem_count > 0 AND product_id IS NOT NULL AND deleted_at IS NULL;`);
    // The overviews' counts by status, with problems and queued: one index-only pass.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_counts" ON "aliexpress_listing" ("account_id", "status", "problem_count", "sync_requested_at") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): the listing search scans instead', SQLERRM;
END $$;`);
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_aliexpress_listing_search_text_trgm" ON "aliexpress_listing" USING gin ("search_text" gin_trgm_ops) WHERE product_id IS NOT NULL AND deleted_at IS NULL;
  END IF;
END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_aliexpress_listing_search_text_trgm";`);
    this.addSql(`drop index if exists "IDX_aliexpress_listing_counts";`);
    this.addSql(`drop index if exists "IDX_aliexpress_listing_problems_updated_at";`);
    this.addSql(`drop index if exists "IDX_aliexpress_listing_status_updated_at";`);
    this.addSql(`drop index if exists "IDX_aliexpress_listing_bound_updated_at";`);
  }

}
