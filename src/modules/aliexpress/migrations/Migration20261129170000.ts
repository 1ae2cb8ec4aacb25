import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Listings get the status `unknown`: an AliExpress product status the plugin does not know is no longer shown as live. */
export class Migration20261129170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_listing" drop constraint if exists "aliexpress_listing_status_check";`);
    this.addSql(`alter table if exists "aliexpress_listing" add constraint "aliexpress_listing_status_check" check ("status" in ('draft', 'invalid', 'pending', 'auditing', 'live', 'rejected', 'offline', 'error', 'unknown'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "aliexpress_listing" set "status" = 'error' where "status" = 'unknown';`);
    this.addSql(`alter table if exists "aliexpress_listing" drop constraint if exists "aliexpress_listing_status_check";`);
    this.addSql(`alter table if exists "aliexpress_listing" add constraint "aliexpress_listing_status_check" check ("status" in ('draft', 'invalid', 'pending', 'auditing', 'live', 'rejected', 'offline', 'error'));`);
  }

}
