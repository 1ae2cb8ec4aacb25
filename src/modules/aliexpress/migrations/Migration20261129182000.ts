import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Feed jobs submitted to AliExpress, kept so a job submitted before a restart is polled after it. */
export class Migration20261129182000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "aliexpress_feed_job" ("id" text not null, "account_id" text not null, "ae_job_id" text not null, "operation" text not null, "status" text check ("status" in ('submitted', 'finished', 'failed')) not null default 'submitted', "items" jsonb not null, "item_count" integer not null, "succeeded_count" integer not null default 0, "polls" integer not null default 0, "next_poll_at" timestamptz null, "finished_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "aliexpress_feed_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_feed_job_deleted_at" ON "aliexpress_feed_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_aliexpress_feed_job_status_next_poll_at" ON "aliexpress_feed_job" ("status", "next_poll_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_aliexpress_feed_job_account_id_ae_job_id_unique" ON "aliexpress_feed_job" ("account_id", "ae_job_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "aliexpress_feed_job" cascade;`);
  }

}
