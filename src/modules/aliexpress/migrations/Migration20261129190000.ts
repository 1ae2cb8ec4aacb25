import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Several seller accounts per store: each account may list with its own mapping template.
 * Existing stores keep their one account, now "account 1", with everything it had; null keeps
 * the store's default template, so nothing it lists changes.
 */
export class Migration20261129190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_account" add column if not exists "template_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_account" drop column if exists "template_id";`);
  }

}
