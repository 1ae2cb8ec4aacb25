import { Client } from "pg"

/**
 * Inserts `n` listing rows straight into the table, spread over the statuses as a large live
 * catalogue has them (most live; some invalid with a missing attribute, under review, rejected,
 * offline, in error), for timing the admin at a size a sync would take hours to reach.
 * Rows of products that do not exist: the admin's listing routes read the listing table only.
 */
export async function insertListingRows(databaseUrl: string, n: number, prefix = "bulk"): Promise<void> {
  const db = new Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query(`select id from aliexpress_account where deleted_at is null order by created_at limit 1`)
    if (!rows.length) throw new Error("no AliExpress account in the database: seed the store first")
    await db.query(
      `insert into aliexpress_listing
         (id, account_id, product_id, product_title, search_text, ae_product_id, ae_status, status, problems, problem_count,
          sku_codes, attempts, last_synced_at, created_at, updated_at)
       select 'aelst_${prefix}_' || g, $1, 'prod_${prefix}_' || g, 'Classic Cotton Tee ' || g,
         lower('Classic Cotton Tee ' || g || ' TEE' || g || '-RED-M TEE' || g || '-BLUE-M TEE' || g || '-RED-L TEE' || g || '-BLUE-L')
           || case when s.status = 'invalid' then ' attr:material' else '' end,
         case when s.status in ('invalid', 'draft') then null else (5000000000 + g)::text end,
         case s.status when 'live' then 'onSelling' when 'auditing' then 'auditing' when 'offline' then 'offline' else null end,
         s.status,
         case when s.status in ('invalid', 'rejected') then '[{"field":"attribute:Material","message":"Material is required","hint":"Fill it","origin":"validation"}]'::jsonb else '[]'::jsonb end,
         case when s.status in ('invalid', 'rejected') then 1 else 0 end,
         jsonb_build_array('TEE' || g || '-RED-M', 'TEE' || g || '-BLUE-M', 'TEE' || g || '-RED-L', 'TEE' || g || '-BLUE-L'),
         0, now(), now() - (g || ' seconds')::interval, now() - ((g * 7919 % $2) || ' seconds')::interval
       from generate_series(1, $2) g
       cross join lateral (select case
         when g % 100 < 88 then 'live' when g % 100 < 91 then 'invalid' when g % 100 < 94 then 'auditing'
         when g % 100 < 95 then 'rejected' when g % 100 < 97 then 'offline' when g % 100 < 98 then 'error' else 'draft' end as status) s`,
      [rows[0].id, n]
    )
    await db.query("analyze aliexpress_listing")
  } finally {
    await db.end()
  }
}
