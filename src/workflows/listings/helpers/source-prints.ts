import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

const live = (alias: string) => `${alias}.deleted_at is null`

/**
 * Per product, every row a listing's mapping reads from Medusa, whole (all columns,
 * `updated_at` included), from the tables `loadListingProducts` and `computeSellableStock`
 * read through the modules (live rows, as they read them): the product, its images, tags,
 * type, collection, categories, options and their values, variants and their option values,
 * price sets, prices and price rules, inventory items and their stock levels at every
 * location. A change to any of them changes the fingerprint; so does a row added, removed or
 * soft-deleted. Each part is numbered so rows of different tables never stand in for another.
 */
const PRINT_SQL = `
with p as (select x.id from product x where x.id = any(?::text[]) and ${live("x")}),
v as (select x.id, x.product_id from product_variant x join p on x.product_id = p.id where ${live("x")}),
vps as (select x.*, v.product_id as pid from product_variant_price_set x join v on x.variant_id = v.id where ${live("x")}),
pr as (select x.*, vps.pid from price x join vps on x.price_set_id = vps.price_set_id where ${live("x")}),
vii as (select x.*, v.product_id as pid from product_variant_inventory_item x join v on x.variant_id = v.id where ${live("x")}),
ppo as (select x.*, x.product_id as pid from product_product_option x join p on x.product_id = p.id where ${live("x")}),
pvo as (select x.*, v.product_id as pid from product_variant_option x join v on x.variant_id = v.id),
parts as (
  select p.id as pid, 1 as k, row_to_json(x)::text as j from product x join p on x.id = p.id
  union all select x.product_id, 2, row_to_json(x)::text from image x join p on x.product_id = p.id where ${live("x")}
  union all select pt.product_id, 3, row_to_json(pt)::text || row_to_json(x)::text from product_tags pt join p on pt.product_id = p.id join product_tag x on x.id = pt.product_tag_id and ${live("x")}
  union all select pr0.id, 4, row_to_json(x)::text from product pr0 join p on pr0.id = p.id join product_type x on x.id = pr0.type_id and ${live("x")}
  union all select pr0.id, 5, row_to_json(x)::text from product pr0 join p on pr0.id = p.id join product_collection x on x.id = pr0.collection_id and ${live("x")}
  union all select pc.product_id, 6, row_to_json(pc)::text || row_to_json(x)::text from product_category_product pc join p on pc.product_id = p.id join product_category x on x.id = pc.product_category_id and ${live("x")}
  union all select ppo.pid, 7, row_to_json(ppo)::text || row_to_json(x)::text from ppo join product_option x on x.id = ppo.product_option_id and ${live("x")}
  union all select ppo.pid, 8, row_to_json(x)::text from ppo join product_product_option_value x on x.product_product_option_id = ppo.id and ${live("x")}
  union all select ppo.pid, 9, row_to_json(x)::text from ppo join product_option_value x on x.option_id = ppo.product_option_id and ${live("x")}
  union all select x.product_id, 10, row_to_json(x)::text from product_variant x join v on x.id = v.id
  union all select pvo.pid, 11, row_to_json(pvo)::text || row_to_json(x)::text || coalesce(row_to_json(o)::text, '') from pvo join product_option_value x on x.id = pvo.option_value_id and ${live("x")} left join product_option o on o.id = x.option_id and ${live("o")}
  union all select vps.pid, 12, row_to_json(vps)::text || row_to_json(x)::text from vps join price_set x on x.id = vps.price_set_id and ${live("x")}
  union all select pr.pid, 13, row_to_json(pr)::text from pr
  union all select pr.pid, 14, row_to_json(x)::text from pr join price_rule x on x.price_id = pr.id and ${live("x")}
  union all select vii.pid, 15, row_to_json(vii)::text from vii
  union all select vii.pid, 16, row_to_json(x)::text from vii join inventory_level x on x.inventory_item_id = vii.inventory_item_id and ${live("x")}
)
select pid as id, md5(string_agg(k || ':' || j, '|' order by k, j)) as print from parts group by pid`

/**
 * Fingerprints of the given products' rows (see PRINT_SQL), by product id; deleted products
 * have none. The sync only uses them to recognise an unchanged product before loading it, so a
 * failure (a database not shaped as expected) leaves the map empty: every product is then
 * loaded and mapped as it would be without fingerprints.
 */
export async function productPrints(container: MedusaContainer, productIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!productIds.length) {
    return out
  }
  try {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const result = await knex.transaction(async (trx: any) => {
      // For a chunk of a few hundred products the planner reads whole tables into hash joins,
      // which makes each chunk cost as much as the catalogue is large (0.3 s per 500 at 10,000
      // products, 0.6 s at 30,000); index lookups cost what the chunk is large (0.2-0.3 s at
      // both). Only this statement's transaction plans this way.
      await trx.raw("set local enable_hashjoin = off")
      await trx.raw("set local enable_mergejoin = off")
      return trx.raw(PRINT_SQL, [productIds])
    })
    for (const row of result.rows as { id: string; print: string }[]) {
      out.set(row.id, row.print)
    }
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`AliExpress: product fingerprints unavailable, mapping every product: ${(error as Error)?.message ?? error}`)
    out.clear()
  }
  return out
}
