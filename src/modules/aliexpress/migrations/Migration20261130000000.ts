import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A listing remembers a fingerprint of what its last mapping read, so the reconcile passes
 * over an unchanged product without loading and mapping it. Null (every existing row) simply
 * means "map it": the first sync after the upgrade fills it in.
 */
export class Migration20261130000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_listing" add column if not exists "source_stamp" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_listing" drop column if exists "source_stamp";`);
  }

}
