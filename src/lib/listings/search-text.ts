/**
 * What the admin's `q` searches: the title and the SKU codes, lower-cased; and a token per
 * category attribute a problem names (`attr:material`), for the "missing attribute" filter.
 */
export function searchText(title: string | null | undefined, skuCodes: string[], problems: { field: string }[] = []): string {
  const attributes = problems.filter((p) => p.field.startsWith("attribute:")).map((p) => `attr:${attributeToken(p.field.slice(10))}`)
  return [title ?? "", ...skuCodes, ...attributes].join(" ").toLowerCase()
}

/** An attribute name as one search token: "Sleeve Length" -> "sleeve_length". */
export const attributeToken = (name: string) => name.trim().toLowerCase().replace(/\s+/g, "_")
