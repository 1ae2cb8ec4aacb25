/**
 * English names AliExpress's Origin values use for the ISO 3166 codes Medusa stores in
 * `origin_country`, so "cn" matches "Mainland China" without a value list.
 */
const COUNTRY_NAMES: Record<string, string[]> = {
  cn: ["Mainland China", "China"],
  hk: ["Hong Kong", "Hong Kong SAR"],
  tw: ["Taiwan"],
  us: ["United States", "USA"],
  ca: ["Canada"],
  mx: ["Mexico"],
  br: ["Brazil"],
  gb: ["United Kingdom", "UK"],
  ie: ["Ireland"],
  fr: ["France"],
  de: ["Germany"],
  it: ["Italy"],
  es: ["Spain"],
  pt: ["Portugal"],
  nl: ["Netherlands"],
  be: ["Belgium"],
  pl: ["Poland"],
  ro: ["Romania"],
  tr: ["Turkey", "Türkiye"],
  ru: ["Russia", "Russian Federation"],
  ua: ["Ukraine"],
  in: ["India"],
  pk: ["Pakistan"],
  bd: ["Bangladesh"],
  lk: ["Sri Lanka"],
  vn: ["Vietnam", "Viet Nam"],
  th: ["Thailand"],
  kh: ["Cambodia"],
  id: ["Indonesia"],
  my: ["Malaysia"],
  ph: ["Philippines"],
  jp: ["Japan"],
  kr: ["South Korea", "Korea"],
  au: ["Australia"],
  nz: ["New Zealand"],
  eg: ["Egypt"],
  ma: ["Morocco"],
  za: ["South Africa"],
}

/** Names a two-letter country code goes by; empty for anything else. */
export function countryNames(code: string): string[] {
  const key = code.trim().toLowerCase()
  return key.length === 2 ? COUNTRY_NAMES[key] ?? [] : []
}
