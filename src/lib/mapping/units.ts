/** AliExpress `product_unit` ids by unit name (singular, lower case). */
export const UNIT_TYPES: Readonly<Record<string, number>> = {
  bag: 100000000,
  barrel: 100000001,
  bushel: 100000002,
  "cubic meter": 100000003,
  dozen: 100000004,
  gallon: 100000005,
  gram: 100000006,
  kilogram: 100000007,
  kilometer: 100000008,
  "long ton": 100000009,
  meter: 100000010,
  "metric ton": 100000011,
  ounce: 100000012,
  pair: 100000013,
  pack: 100000014,
  piece: 100000015,
  pound: 100000016,
  set: 100000017,
  "short ton": 100000018,
  "square meter": 100000019,
  ton: 100000020,
  yard: 100078558,
  liter: 100078559,
  carton: 100078580,
  centimeter: 100078581,
  feet: 100078584,
  inch: 100078587,
  milliliter: 100078596,
  millimeter: 100078597,
}

const ALIASES: Readonly<Record<string, string>> = {
  pc: "piece",
  pcs: "piece",
  unit: "piece",
  item: "piece",
  box: "carton",
  boxes: "carton",
  foot: "feet",
  litre: "liter",
  metre: "meter",
  kg: "kilogram",
  g: "gram",
  lb: "pound",
  oz: "ounce",
}

const KNOWN_IDS = new Set(Object.values(UNIT_TYPES))

/** The `product_unit` id for a unit name ("piece", "pairs", "box") or id; undefined when unknown. */
export function unitTypeId(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined
  const text = String(value).trim().toLowerCase()
  if (/^\d+$/.test(text)) {
    const id = Number(text)
    return KNOWN_IDS.has(id) ? id : undefined
  }
  const name = text.replace(/\s+/g, " ")
  const candidates = [name, name.replace(/es$/, ""), name.replace(/s$/, "")]
  for (const c of candidates) {
    const key = ALIASES[c] ?? c
    if (UNIT_TYPES[key] !== undefined) return UNIT_TYPES[key]
  }
  return undefined
}
