import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * A listing remembers the stamp of its content before the price and quantity rules and what
 * its SKUs were priced from, so a change of those rules reprices it without mapping the
 * product. Null (every existing row) means "map it": the next sync fills them in.
 */
export class Migration20261201000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_listing" add column if not exists "base_stamp" text null;`);
    this.addSql(`alter table if exists "aliexpress_listing" add column if not exists "rule_inputs" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "aliexpress_listing" drop column if exists "rule_inputs";`);
    this.addSql(`alter table if exists "aliexpress_listing" drop column if exists "base_stamp";`);
  }

}
