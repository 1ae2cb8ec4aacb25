import { countryNames } from "./countries"
import { findLookupList } from "./resolve-field"
import type { Value } from "./paths"
import type { CategoryAttributeDef, LookupList } from "./types"

type AcceptedValue = CategoryAttributeDef["values"][number]

/**
 * How one merchant value met an attribute's accepted values:
 * exact / spacing (case and spacing ignored) / lookup (value list) / id (an AliExpress value id) /
 * country (an ISO code) -> a listed value; other -> the "Other" value plus free text;
 * text -> a free-text attribute; none -> no match (a problem).
 */
export type MatchKind = "exact" | "spacing" | "lookup" | "id" | "country" | "other" | "text" | "none"

export type ValueMatch = {
  input: string
  kind: MatchKind
  /** the listed value matched (the "Other" value for kind "other") */
  value?: AcceptedValue
}

/** Case and spacing do not count: "Polyester ", "polyester" and "Poly ester" are one value. */
export const normValue = (text: string) => text.toLowerCase().replace(/\s+/g, "")

const OTHER = "other"

/** The attribute's "Other" value, which takes free text. */
export function otherValue(def: CategoryAttributeDef): AcceptedValue | undefined {
  return def.values.find((v) => normValue(v.name) === OTHER)
}

/**
 * The separate values of a resolved value: a multi-select splits "Cotton, Polyester" (and lists)
 * into one value each; a single-select or free-text attribute keeps each list item whole.
 */
export function splitValues(raw: Value, multi: boolean): string[] {
  if (raw === undefined) return []
  const items = Array.isArray(raw) ? raw : [String(raw)]
  const out: string[] = []
  for (const item of items) {
    const parts = multi ? item.split(/[,;/]/) : [item]
    for (const part of parts) {
      const text = part.trim()
      if (text && !out.some((o) => normValue(o) === normValue(text))) out.push(text)
    }
  }
  return out
}

function byName(def: CategoryAttributeDef, name: string): AcceptedValue | undefined {
  const key = normValue(name)
  return def.values.find((v) => normValue(v.name) === key)
}

/** The value list's entry for a merchant value: an AliExpress value id or value name. */
function viaList(def: CategoryAttributeDef, input: string, list: LookupList | undefined): AcceptedValue | undefined {
  if (!list) return undefined
  const key = normValue(input)
  const entry = list.entries.find((e) => normValue(e.from) === key)
  if (!entry) return undefined
  const to = entry.to.trim()
  return def.values.find((v) => v.id === to) ?? byName(def, to)
}

/** Matches one merchant value to an attribute's accepted values (see MatchKind for the order). */
export function matchValue(def: CategoryAttributeDef, input: string, valueList?: LookupList): ValueMatch {
  const text = input.trim()
  if (def.input === "text") return { input: text, kind: "text" }
  const exact = def.values.find((v) => v.name === text)
  if (exact) return { input: text, kind: "exact", value: exact }
  const spaced = byName(def, text)
  if (spaced) return { input: text, kind: "spacing", value: spaced }
  const listed = viaList(def, text, valueList)
  if (listed) return { input: text, kind: "lookup", value: listed }
  const byId = def.values.find((v) => v.id === text)
  if (byId) return { input: text, kind: "id", value: byId }
  for (const name of countryNames(text)) {
    const country = byName(def, name)
    if (country) return { input: text, kind: "country", value: country }
  }
  const other = otherValue(def)
  if (other) return { input: text, kind: "other", value: other }
  return { input: text, kind: "none" }
}

/** Matches a resolved value: one match per separate value (a single-select keeps its first match). */
export function matchValues(def: CategoryAttributeDef, raw: Value, lists: LookupList[], valueListRef?: string): ValueMatch[] {
  const list = valueListRef ? findLookupList(lists, valueListRef) : undefined
  const pieces = splitValues(raw, def.input === "multi")
  if (def.input === "text") {
    const text = pieces.join(", ")
    return text ? [{ input: text, kind: "text" }] : []
  }
  const matches = pieces.map((piece) => matchValue(def, piece, list))
  if (def.input === "single" && matches.length > 1) {
    // A list (tags, categories) on a single-select attribute: the first value that matches wins.
    const listedFirst = matches.find((m) => m.kind !== "other" && m.kind !== "none")
    return [listedFirst ?? matches[0]]
  }
  return matches
}

/** A few accepted values, for problem messages. */
export function someAcceptedValues(def: CategoryAttributeDef, count = 5): string {
  const names = def.values.filter((v) => normValue(v.name) !== OTHER).map((v) => v.name)
  const shown = names.slice(0, count).join(", ")
  return names.length > count ? `${shown} (and ${names.length - count} more)` : shown
}
