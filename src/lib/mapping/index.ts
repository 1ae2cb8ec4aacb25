export * from "./types"
export * from "./payload"
export { FIELD_DEFINITIONS, FIELD_LABELS } from "./field-definitions"
export { compilePath, isKnownPath, describePath, type Value } from "./paths"
export { resolveField, renderTemplate, evaluateCondition, type Resolved } from "./resolve-field"
export { resolveListing, type ResolvedListing, type ResolvedVariant } from "./resolve-listing"
export {
  validateListing,
  findDuplicateSkus,
  isSupportedImage,
  toCentimetres,
  toKilograms,
  LIMITS,
  type DuplicateSku,
} from "./validate"
export { buildPayload, mapProduct, type MappedProduct, type MappingResult, type PreviewResult, type PreviewAttribute } from "./build-payload"
export { applyRules, ruleInputsOf, type PricedSkus, type RuleInput } from "./rule-inputs"
export {
  computePrice,
  computeInventory,
  formatPrice,
  sourceAmount,
  variantPrice,
  sellableOf,
  MAX_INVENTORY,
} from "./pricing"
export { contentHash, priceHash, stockHash, hashListing, stableStringify } from "./hash"
export { defaultTemplate, DEFAULT_SETTINGS } from "./default-template"
export { UNIT_TYPES, unitTypeId } from "./units"
export { sanitizeDescription, type SanitizedDescription } from "./sanitize"
export { foreignLetters } from "./text"
export { PRICE_STOCK_BATCH, toPriceUpdates, toInventoryUpdates, type ListedSkus } from "./batch-updates"
export {
  matchValue,
  matchValues,
  splitValues,
  normValue,
  otherValue,
  someAcceptedValues,
  type MatchKind,
  type ValueMatch,
} from "./attribute-values"
export {
  resolveAttributes,
  resolveAttribute,
  attributeSourceFor,
  attributeListEntries,
  attributeProblems,
  checkSkuAttributes,
  findAttributeEntry,
  toCategoryAttributes,
  defaultAttributeSource,
  isBrandAttribute,
  metadataKeyOf,
  type AttributeOrigin,
  type AttributeResolution,
  type ResolvedAttribute,
} from "./resolve-attributes"
export { categoryIdOf, productCategoryId } from "./resolve-listing"
export { countryNames } from "./countries"
export { valueMatchReport, type AttributeReport, type ValueReportRow } from "./attribute-report"
