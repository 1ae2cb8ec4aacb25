import sanitizeHtml from "sanitize-html"
import { Memo } from "./memo"
import { foreignLetters } from "./text"

export type SanitizedDescription = {
  html: string
  /** true when the result shows neither text nor images */
  empty: boolean
  /** text a browser would have shown that was dropped with a removed element (trimmed, shortened) */
  lostText?: string
  /** the removed element that held the lost text */
  lostIn?: string
  /** letters of a non-Latin script found in the text (undefined: none) */
  foreign: string | undefined
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

/** What one parse notes as it goes: the dropped element it is inside, visible text lost, text kept. */
type ParseState = { dropDepth: number; dropVisible: boolean; dropTag: string; lost: string; lostIn: string; kept: string }

const WS_ONLY = /^\s*$/

/** sanitize-html's options, with hooks that note what this parse drops in `st`. */
const optionsFor = (st: ParseState): sanitizeHtml.IOptions => ({
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
    if (st.dropDepth > 0) st.dropDepth++
    else if (DROPPED.has(name)) {
      st.dropDepth = 1
      st.dropVisible = VISIBLE_DROPPED.has(name)
      st.dropTag = name
    }
  },
  onCloseTag() {
    if (st.dropDepth > 0) st.dropDepth--
  },
  textFilter(text) {
    if (st.dropDepth > 0) {
      if (st.dropVisible && !st.lost && !WS_ONLY.test(text)) {
        st.lost = text.trim().replace(/\s+/g, " ").slice(0, 60)
        st.lostIn = st.dropTag
      }
      return ""
    }
    st.kept += st.kept ? " " + text : text
    return text
  },
  exclusiveFilter(frame) {
    // An allowed element inside a dropped one goes too; an image without an absolute http(s)
    // src is useless to a buyer, and AliExpress refuses the whole product for it.
    return st.dropDepth > 0 || (frame.tag === "img" && !ABSOLUTE_HTTP.test(frame.attribs.src ?? ""))
  },
})

const ABSOLUTE_HTTP = /^https?:\/\/[^\s]+$/i
const HAS_MARKUP = /<[a-zA-Z!/]/
const HAS_IMG = /<img\s/i

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

const ALLOWED = new Set(ALLOWED_TAGS)
const VOID = new Set(["br", "hr", "img"])
const P_ONLY = new Set(["p"])
/** htmlparser2 closes the open element on top when these open (the allowed-tag subset). */
const IMPLIES_CLOSE: Record<string, Set<string>> = {
  tr: new Set(["tr", "th", "td"]),
  th: new Set(["th"]),
  td: new Set(["thead", "th", "td"]),
  li: new Set(["li"]),
  tbody: new Set(["thead", "tbody"]),
  p: P_ONLY, h1: P_ONLY, h2: P_ONLY, h3: P_ONLY, h4: P_ONLY, h5: P_ONLY, h6: P_ONLY,
  div: P_ONLY, hr: P_ONLY, ol: P_ONLY, ul: P_ONLY, table: P_ONLY,
}
const TAG = /<(\/?)([a-z][a-z0-9]*)([\s/][^<>]*)?>/g
const IMG_ATTRS = /^(?:\s+(?:src="https?:\/\/[^"<>&\s]+"|alt="[^"<>&]*"))*\s*$/
const IMG_ATTR = /\s+(src|alt)="([^"]*)"/g
const SPAN_ATTRS = /^(?:\s+(?:colspan|rowspan)="\d{1,3}")*\s*$/

const AMPERSAND = /&(?!(?:amp|lt|gt);)/
const NOT_SPACE = /\S/

/**
 * The common case without the parser: well-formed markup made only of allowed tags with allowed
 * attributes and plain text. Returns exactly the markup sanitize-html returns for such input, or
 * undefined to send the input through sanitize-html.
 */
export function fastSanitize(input: string): SanitizedDescription | undefined {
  if (AMPERSAND.test(input) || input.includes("\u0000")) return undefined
  const stack: string[] = []
  // the output, built only from the first tag that needs rewriting (e.g. <br> -> <br />)
  let html: string | undefined
  let copied = 0
  let sawText = false
  let hasImg = false
  let last = 0
  TAG.lastIndex = 0
  for (let m = TAG.exec(input); m; m = TAG.exec(input)) {
    const end = m.index + m[0].length
    // text before the tag may hold neither "<" nor ">" (sanitize-html would escape them)
    if (input.indexOf("<", last) !== m.index || input.indexOf(">", last) !== end - 1) return undefined
    if (!sawText && m.index > last && NOT_SPACE.test(input.slice(last, m.index))) sawText = true
    last = end
    const closing = m[1] === "/"
    const name = m[2]
    if (!ALLOWED.has(name)) return undefined
    const rawAttrs = m[3]
    if (rawAttrs === undefined && !VOID.has(name)) {
      // the common case, <p> or </p>: emitted as written
      if (closing) {
        if (stack.pop() !== name) return undefined
      } else {
        const top = stack[stack.length - 1]
        if (top !== undefined && IMPLIES_CLOSE[name]?.has(top)) return undefined
        stack.push(name)
      }
      continue
    }
    let attrs = rawAttrs ?? ""
    let slash = false
    if (attrs.endsWith("/")) {
      slash = true
      attrs = attrs.slice(0, -1)
    }
    let emitted: string
    if (closing) {
      if (attrs.trim() || slash || stack.pop() !== name) return undefined
      emitted = `</${name}>`
    } else {
      if (slash && !VOID.has(name)) return undefined
      const top = stack[stack.length - 1]
      if (top !== undefined && IMPLIES_CLOSE[name]?.has(top)) return undefined
      let attrText = ""
      if (name === "img") {
        if (!IMG_ATTRS.test(attrs)) return undefined
        let src = false
        let alt = false
        IMG_ATTR.lastIndex = 0
        for (let a = IMG_ATTR.exec(attrs); a; a = IMG_ATTR.exec(attrs)) {
          if (a[1] === "src") {
            if (src) return undefined
            src = true
          } else {
            if (alt) return undefined
            alt = true
          }
          attrText += ` ${a[1]}="${a[2]}"`
        }
        if (!src) return undefined
        hasImg = true
      } else if (name === "td" || name === "th") {
        if (!SPAN_ATTRS.test(attrs)) return undefined
        attrText = attrs.replace(/\s+/g, " ").trimEnd()
        const names = attrText.match(/colspan|rowspan/g)
        if (names && names.length === 2 && names[0] === names[1]) return undefined
      } else if (attrs.trim()) return undefined
      if (VOID.has(name)) emitted = `<${name}${attrText} />`
      else {
        emitted = `<${name}${attrText}>`
        stack.push(name)
      }
    }
    if (emitted !== m[0]) {
      html = (html ?? "") + input.slice(copied, m.index) + emitted
      copied = end
    }
  }
  if (stack.length) return undefined
  if (input.indexOf("<", last) !== -1 || input.indexOf(">", last) !== -1) return undefined
  if (!sawText && NOT_SPACE.test(input.slice(last))) sawText = true
  const out = (html === undefined ? input : html + input.slice(copied)).trim()
  // the language check reads the markup too: tag names are ASCII, alt text is customer-facing
  return { html: out, empty: !sawText && !hasImg, foreign: foreignLetters(out) }
}

function sanitizeUncached(input: string): SanitizedDescription {
  const source = HAS_MARKUP.test(input) ? input : textToHtml(input)
  return fastSanitize(source) ?? sanitizeWithParser(source)
}

/** Sanitise through sanitize-html (any input). */
export function sanitizeWithParser(source: string): SanitizedDescription {
  const st: ParseState = { dropDepth: 0, dropVisible: false, dropTag: "", lost: "", lostIn: "", kept: "" }
  const html = sanitizeHtml(source, optionsFor(st)).trim()
  const empty = WS_ONLY.test(st.kept) && !HAS_IMG.test(html)
  const out: SanitizedDescription = { html, empty, foreign: foreignLetters(st.kept) }
  if (st.lost) {
    out.lostText = st.lost
    out.lostIn = st.lostIn
  }
  return out
}

const sanitized = new Memo<string, SanitizedDescription>(512)

/**
 * Sanitise a description to the markup AliExpress accepts, noting visible text that had to go.
 * Results are memoised by input: the same description is often mapped many times.
 */
export function sanitizeDescription(input: string): SanitizedDescription {
  return sanitized.get(input, sanitizeUncached)
}
