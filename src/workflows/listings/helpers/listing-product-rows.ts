import type { MedusaContainer } from "@medusajs/framework/types"
import { readInSql } from "./read-in-sql"

const live = (alias: string) => `${alias}.deleted_at is null`
const list = (object: string, from: string, order: string) => `coalesce((select json_agg(${object} order by ${order}) ${from}), '[]'::json)`

/**
 * Every field of `LISTING_PRODUCT_FIELDS`, read straight from the product, pricing, inventory and
 * link tables in one statement, shaped as `query.graph` returns it (live rows only; a product's
 * option values are the ones it uses, as the product module filters them). `query.graph` builds
 * and serialises an ORM graph per product, which is most of a sync's planning time once many
 * products change (a full price change maps every product); this reads a page of 100 in a few
 * milliseconds. Each list carries its rows' ids, by which `toListingProduct` orders it (the
 * listing hashes depend on the order); `listing-product-rows.spec.ts` compares the two loads.
 */
const ROWS_SQL = `
select json_build_object(
  'id', p.id, 'title', p.title, 'subtitle', p.subtitle, 'description', p.description, 'handle', p.handle,
  'material', p.material, 'weight', p.weight, 'length', p.length, 'width', p.width, 'height', p.height,
  'origin_country', p.origin_country, 'hs_code', p.hs_code, 'thumbnail', p.thumbnail, 'status', p.status,
  'metadata', p.metadata,
  'images', ${list("json_build_object('id', i.id, 'url', i.url, 'rank', i.rank)", `from image i where i.product_id = p.id and ${live("i")}`, "i.rank, i.id")},
  'tags', ${list("json_build_object('id', t.id, 'value', t.value)", `from product_tags pt join product_tag t on t.id = pt.product_tag_id and ${live("t")} where pt.product_id = p.id`, "t.id")},
  'type', (select json_build_object('value', ty.value) from product_type ty where ty.id = p.type_id and ${live("ty")}),
  'collection', (select json_build_object('title', c.title, 'handle', c.handle) from product_collection c where c.id = p.collection_id and ${live("c")}),
  'categories', ${list(
    "json_build_object('id', c.id, 'name', c.name, 'handle', c.handle)",
    `from product_category_product pc join product_category c on c.id = pc.product_category_id and ${live("c")} where pc.product_id = p.id`,
    "c.id"
  )},
  'options', ${list(
    `json_build_object('id', o.id, 'title', o.title, 'values', ${list(
      "json_build_object('id', ov.id, 'value', ov.value)",
      `from product_option_value ov where ov.option_id = o.id and ${live("ov")} and exists (
         select 1 from product_product_option_value ppov join product_product_option ppo2 on ppo2.id = ppov.product_product_option_id and ${live("ppo2")}
         where ppo2.product_id = p.id and ppov.product_option_value_id = ov.id and ${live("ppov")})`,
      "ov.id"
    )})`,
    `from product_product_option ppo join product_option o on o.id = ppo.product_option_id and ${live("o")} where ppo.product_id = p.id and ${live("ppo")}`,
    "o.id"
  )},
  'variants', ${list(
    `json_build_object(
      'id', v.id, 'sku', v.sku, 'title', v.title, 'barcode', v.barcode, 'weight', v.weight, 'length', v.length,
      'width', v.width, 'height', v.height, 'material', v.material, 'metadata', v.metadata,
      'manage_inventory', v.manage_inventory, 'allow_backorder', v.allow_backorder, 'variant_rank', v.variant_rank,
      'options', ${list(
        "json_build_object('id', ov.id, 'value', ov.value, 'option', (select json_build_object('title', o.title) from product_option o where o.id = ov.option_id and " + live("o") + "))",
        // From the variant's own rows, each value by its key (offset 0 keeps the planner from
        // reading every option value, as it did on a freshly loaded table whose statistics said
        // it was small: 7 s for 20 products at 10,000).
        `from (select option_value_id from product_variant_option where variant_id = v.id offset 0) vo
         cross join lateral (select x.* from product_option_value x where x.id = vo.option_value_id and ${live("x")} offset 0) ov`,
        "ov.id"
      )},
      'prices', ${list(
        `json_build_object('id', pr.id, 'amount', pr.amount, 'currency_code', pr.currency_code, 'price_list_id', pr.price_list_id,
          'price_rules', ${list("json_build_object('attribute', r.attribute)", `from price_rule r where r.price_id = pr.id and ${live("r")}`, "r.id")})`,
        `from product_variant_price_set vps join price_set ps on ps.id = vps.price_set_id and ${live("ps")}
         join price pr on pr.price_set_id = ps.id and ${live("pr")} where vps.variant_id = v.id and ${live("vps")}`,
        "pr.id"
      )},
      'inventory_items', ${list(
        "json_build_object('inventory_item_id', vii.inventory_item_id, 'required_quantity', vii.required_quantity)",
        `from product_variant_inventory_item vii where vii.variant_id = v.id and ${live("vii")}`,
        "vii.inventory_item_id"
      )}
    )`,
    `from product_variant v where v.product_id = p.id and ${live("v")}`,
    "v.id"
  )}
) as row
from product p where p.id = any(?::text[]) and ${live("p")}
order by p.id`

/**
 * The listing rows of the given products (see ROWS_SQL), or null when the statement fails (a
 * database not shaped as this Medusa version's): the caller then loads through `query.graph`.
 */
export async function readListingProductRows(container: MedusaContainer, productIds: string[]): Promise<any[] | null> {
  return readInSql(container, "products", async (knex) => {
    const result = await knex.raw(ROWS_SQL, [productIds])
    return (result.rows as { row: any }[]).map((r) => r.row)
  })
}
