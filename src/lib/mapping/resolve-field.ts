import { Memo } from "./memo"
import {
  compilePath,
  describePath,
  isEmptyValue,
  valueText,
  type Accessor,
  type Value,
} from "./paths"
import type {
  FieldSource,
  LookupList,
  LookupSource,
  RuleCondition,
  SourceProduct,
  SourceVariant,
} from "./types"

export type Resolved = {
  value: Value
  /** a resolution failure (unknown path, lookup miss, missing list) */
  problem?: { message: string; hint: string }
  /** attribute paths that were read and found empty (for fix hints) */
  missing?: string[]
  /** attribute paths the value was taken from (for fix hints: "shorten the title", not "use fewer tags") */
  from?: string[]
}

const PLACEHOLDER = /\{([^{}]+)\}/g

type CompiledTemplate =
  | { kind: "single"; path: string; accessor: Accessor | null }
  | { kind: "parts"; parts: (string | { path: string; accessor: Accessor | null })[] }

const compiledTemplates = new Memo<string, CompiledTemplate>(2000)

function compileTemplate(template: string): CompiledTemplate {
  return compiledTemplates.get(template, compileTemplateUncached)
}

function compileTemplateUncached(template: string): CompiledTemplate {
  const parts: (string | { path: string; accessor: Accessor | null })[] = []
  let last = 0
  PLACEHOLDER.lastIndex = 0
  for (let m = PLACEHOLDER.exec(template); m; m = PLACEHOLDER.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index))
    const path = m[1].trim()
    parts.push({ path, accessor: compilePath(path) })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push(template.slice(last))
  const only = parts.length === 1 ? parts[0] : undefined
  return only !== undefined && typeof only !== "string"
    ? { kind: "single", path: only.path, accessor: only.accessor }
    : { kind: "parts", parts }
}

function unknownPath(path: string): Resolved {
  return {
    value: undefined,
    problem: {
      message: `Unknown attribute path "${path}"`,
      hint: `Use one of the documented attribute paths (e.g. title, metadata.<key>, variant.sku) in the mapping template`,
    },
  }
}

/**
 * Render a template string. A template that is exactly one placeholder keeps the raw value
 * (a number stays a number, a list stays a list); otherwise missing values render empty.
 */
export function renderTemplate(
  template: string,
  product: SourceProduct,
  variant: SourceVariant | undefined
): Resolved {
  const compiled = compileTemplate(template)
  if (compiled.kind === "single") {
    if (!compiled.accessor) return unknownPath(compiled.path)
    const value = compiled.accessor(product, variant)
    return isEmptyValue(value) ? { value: undefined, missing: [compiled.path] } : { value, from: [compiled.path] }
  }
  let out = ""
  let missing: string[] | undefined
  let from: string[] | undefined
  for (const part of compiled.parts) {
    if (typeof part === "string") {
      out += part
      continue
    }
    if (!part.accessor) return unknownPath(part.path)
    const value = part.accessor(product, variant)
    if (isEmptyValue(value)) (missing ??= []).push(part.path)
    else {
      out += valueText(value)
      ;(from ??= []).push(part.path)
    }
  }
  out = out.trim()
  return out === "" ? { value: undefined, missing } : { value: out, missing, ...(from ? { from } : {}) }
}

const norm = (v: string | number) => String(v).trim().toLowerCase()

function scalarEquals(actual: string | number, expected: string | number): boolean {
  if (typeof actual === "number" || typeof expected === "number") {
    const a = Number(actual)
    const b = Number(expected)
    if (Number.isFinite(a) && Number.isFinite(b) && String(actual).trim() !== "" && String(expected).trim() !== "") {
      return a === b
    }
  }
  return norm(actual) === norm(expected)
}

function anyOf(value: Value, test: (v: string | number) => boolean): boolean {
  if (value === undefined) return false
  if (Array.isArray(value)) return value.some(test)
  return test(value)
}

/** Evaluate one rule condition against a product (and variant, for variant paths). */
export function evaluateCondition(
  cond: RuleCondition,
  product: SourceProduct,
  variant: SourceVariant | undefined
): boolean {
  const accessor = compilePath(cond.path)
  const actual = accessor ? accessor(product, variant) : undefined
  const expected = cond.value
  switch (cond.op) {
    case "exists":
      return !isEmptyValue(actual)
    case "not_exists":
      return isEmptyValue(actual)
    case "equals":
      return expected !== undefined && !Array.isArray(expected) && anyOf(actual, (a) => scalarEquals(a, expected))
    case "not_equals":
      return !(expected !== undefined && !Array.isArray(expected) && anyOf(actual, (a) => scalarEquals(a, expected)))
    case "contains": {
      if (expected === undefined || Array.isArray(expected)) return false
      if (Array.isArray(actual)) return actual.some((a) => scalarEquals(a, expected))
      return actual !== undefined && norm(actual).includes(norm(expected))
    }
    case "in": {
      const list = Array.isArray(expected) ? expected : expected === undefined ? [] : [expected]
      return anyOf(actual, (a) => list.some((e) => scalarEquals(a, e)))
    }
    case "gt":
    case "lt": {
      if (typeof expected !== "number" || Array.isArray(actual) || actual === undefined) return false
      if (typeof actual === "string" && actual.trim() === "") return false
      const n = Number(actual)
      if (!Number.isFinite(n)) return false
      return cond.op === "gt" ? n > expected : n < expected
    }
  }
}

function ruleValue(v: string | number, product: SourceProduct, variant: SourceVariant | undefined): Resolved {
  if (typeof v === "number") return { value: v }
  return v.includes("{") ? renderTemplate(v, product, variant) : { value: v }
}

type LookupIndex = Map<string, string>
const lookupIndexCache = new WeakMap<LookupList, LookupIndex>()

function lookupIndex(list: LookupList): LookupIndex {
  let index = lookupIndexCache.get(list)
  if (!index) {
    index = new Map()
    for (const entry of list.entries) {
      const key = norm(entry.from)
      if (!index.has(key)) index.set(key, entry.to)
    }
    lookupIndexCache.set(list, index)
  }
  return index
}

export function findLookupList(lists: LookupList[], ref: string): LookupList | undefined {
  const byId = lists.find((l) => l.id === ref)
  if (byId) return byId
  const key = norm(ref)
  return lists.find((l) => norm(l.name) === key)
}

function resolveLookup(
  source: LookupSource,
  product: SourceProduct,
  variant: SourceVariant | undefined,
  lists: LookupList[]
): Resolved {
  const list = findLookupList(lists, source.list)
  if (!list) {
    return {
      value: undefined,
      problem: {
        message: `Lookup list "${source.list}" does not exist`,
        hint: `Create the lookup list "${source.list}" or pick an existing one in the mapping template`,
      },
    }
  }
  const accessor = compilePath(source.path)
  if (!accessor) return unknownPath(source.path)
  const raw = accessor(product, variant)
  const keys = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
  const index = lookupIndex(list)
  for (const key of keys) {
    const hit = index.get(norm(key))
    if (hit !== undefined) return { value: hit }
  }
  if (source.on_miss === "default") return { value: source.default }
  const shown = keys.length ? keys.map((k) => `"${k}"`).join(", ") : "(empty)"
  return {
    value: undefined,
    problem: {
      message: `No entry in lookup list "${list.name}" for ${source.path} ${shown}`,
      hint: keys.length
        ? `Add an entry for ${shown} to the lookup list "${list.name}", or change ${describePath(source.path)} in Medusa`
        : `Set ${describePath(source.path)} in Medusa, or add a default to the lookup in the mapping template`,
    },
  }
}

/** Resolve one template entry for a product (and a variant, for per-variant fields). */
export function resolveField(
  source: FieldSource,
  product: SourceProduct,
  variant: SourceVariant | undefined,
  lookupLists: LookupList[]
): Resolved {
  switch (source.source) {
    case "constant":
      return { value: source.value }
    case "attribute": {
      const accessor = compilePath(source.path)
      if (!accessor) return unknownPath(source.path)
      const value = accessor(product, variant)
      return isEmptyValue(value) ? { value: undefined, missing: [source.path.trim()] } : { value, from: [source.path.trim()] }
    }
    case "template":
      return renderTemplate(source.template, product, variant)
    case "rule": {
      const missing: string[] = []
      for (const rule of source.rules) {
        if (evaluateCondition(rule.when, product, variant)) return ruleValue(rule.value, product, variant)
        if (rule.when.op === "exists") missing.push(rule.when.path)
      }
      if (source.default === undefined) return { value: undefined, missing }
      const fallback = ruleValue(source.default, product, variant)
      return fallback.value === undefined && !fallback.problem
        ? { value: undefined, missing: [...missing, ...(fallback.missing ?? [])] }
        : fallback
    }
    case "lookup":
      return resolveLookup(source, product, variant, lookupLists)
  }
}
