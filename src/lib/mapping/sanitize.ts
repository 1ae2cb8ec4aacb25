import sanitizeHtml from "sanitize-html"

export type SanitizedDescription = {
  html: string
  /** text content kept (entity-escaped), for the language check */
  text: string
  /** true when the result shows neither text nor images */
  empty: boolean
  /** text a browser would have shown that was dropped with a removed element (trimmed, shortened) */
  lostText?: string
  /** the removed element that held the lost text */
  lostIn?: string
}

const ALLOWED_TAGS = [
  "b", "strong", "i", "em", "u", "br", "p", "ul", "ol", "li", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6", "span", "div",
  "table", "thead", "tbody", "tr", "td", "th", "img",
]

/** Removed together with everything inside them. */
const DROPPED = new Set([
  "script", "style", "iframe", "form", "input", "button", "object", "embed", "link", "meta",
  "textarea", "select", "option", "noscript", "template", "title", "head", "xmp", "svg", "math",
  "frame", "frameset", "applet", "base", "audio", "video", "canvas", "dialog",
])

/** Of the dropped elements, those whose text a browser shows. */
const VISIBLE_DROPPED = new Set([
  "form", "button", "object", "textarea", "select", "option", "dialog", "svg", "math",
])

// Per-call state for the hooks below (sanitize-html runs synchronously).
let dropDepth = 0
let dropVisible = false
let dropTag = ""
let lost = ""
let lostIn = ""
let kept = ""

const WS_ONLY = /^\s*$/

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    img: ["src", "alt"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["src", "href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Content of dropped elements is removed by the hooks, which also note lost visible text.
  nonTextTags: [],
  onOpenTag(name) {
    if (dropDepth > 0) dropDepth++
    else if (DROPPED.has(name)) {
      dropDepth = 1
      dropVisible = VISIBLE_DROPPED.has(name)
      dropTag = name
    }
  },
  onCloseTag() {
    if (dropDepth > 0) dropDepth--
  },
  textFilter(text) {
    if (dropDepth > 0) {
      if (dropVisible && !lost && !WS_ONLY.test(text)) {
        lost = text.trim().replace(/\s+/g, " ").slice(0, 60)
        lostIn = dropTag
      }
      return ""
    }
    kept += kept ? " " + text : text
    return text
  },
  exclusiveFilter(frame) {
    // An allowed element inside a dropped one goes too; an image without a usable src is useless.
    return dropDepth > 0 || (frame.tag === "img" && !frame.attribs.src)
  },
}

const HAS_MARKUP = /<[a-zA-Z!/]/
const HAS_IMG = /<img\s/i
const TAGS = /<[^>]*>/g

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

/** Plain text (no markup) becomes paragraphs, with single newlines as line breaks. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((para) => `<p>${escapeText(para.trim()).replace(/\r?\n/g, "<br />")}</p>`)
    .join("")
}

function sanitizeUncached(input: string): SanitizedDescription {
  const source = HAS_MARKUP.test(input) ? input : textToHtml(input)
  dropDepth = 0
  dropVisible = false
  dropTag = ""
  lost = ""
  lostIn = ""
  kept = ""
  let html: string
  try {
    html = sanitizeHtml(source, OPTIONS).trim()
  } finally {
    dropDepth = 0
  }
  const text = kept
  const empty = WS_ONLY.test(text.replace(/&nbsp;|&#160;/g, " ")) && !HAS_IMG.test(html)
  const out: SanitizedDescription = { html, text, empty }
  if (lost) {
    out.lostText = lost
    out.lostIn = lostIn
  }
  kept = ""
  return out
}

const CACHE_SIZE = 512
const cache = new Map<string, SanitizedDescription>()

/**
 * Sanitise a description to the markup AliExpress accepts, noting visible text that had to go.
 * Results are cached by input (a small LRU): the same description is often mapped many times.
 */
export function sanitizeDescription(input: string): SanitizedDescription {
  const hit = cache.get(input)
  if (hit) {
    cache.delete(input)
    cache.set(input, hit)
    return hit
  }
  const result = sanitizeUncached(input)
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  cache.set(input, result)
  return result
}

/** The visible text of sanitised HTML (tags removed), for length and language checks. */
export function htmlText(html: string): string {
  return html.replace(TAGS, " ")
}
