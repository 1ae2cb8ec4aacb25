const ALLOWED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "br", "p", "ul", "ol", "li", "hr",
  "h1", "h2", "h3", "h4", "h5", "h6", "span", "div",
  "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "img",
])

const TAG_RE = /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g
const ATTR_RE = /([^\s"'=<>`/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCharCode(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "")
}

/**
 * Checks description HTML against the tags AliExpress keeps; returns the first problem or undefined.
 * `isImageBank` decides whether an <img src> is acceptable.
 */
export function checkDescriptionHtml(html: string, isImageBank: (url: string) => boolean): string | undefined {
  const text = html.replace(/<!--[\s\S]*?-->/g, "")
  for (const match of text.matchAll(TAG_RE)) {
    const closing = match[1] === "/"
    const tag = match[2].toLowerCase()
    if (!ALLOWED_TAGS.has(tag)) {
      return `tag <${tag}> is not allowed`
    }
    if (closing) {
      continue
    }
    for (const attr of match[3].replace(/\/\s*$/, "").matchAll(ATTR_RE)) {
      const name = attr[1].toLowerCase()
      const raw = (attr[2] ?? "").replace(/^["']|["']$/g, "")
      const value = decodeEntities(raw).replace(/[\s\u0000-\u001f]/g, "").toLowerCase()
      if (name.startsWith("on")) {
        return `event handler attribute ${name} is not allowed`
      }
      if (/^(javascript|vbscript|data):/.test(value) || value.includes("javascript:")) {
        return `attribute ${name} with a script URL is not allowed`
      }
      if (name === "style" && /expression\(|url\(/.test(value)) {
        return "style with url() or expression() is not allowed"
      }
      if (tag === "img" && name === "src" && !isImageBank(raw)) {
        return `image ${raw} is not in the image bank (upload it first)`
      }
    }
  }
  return undefined
}

/**
 * Description text is either HTML or AliExpress's module JSON
 * (`{"version":"2.0.0","moduleList":[{"type":"html","html":{"content":"..."}}]}`).
 */
export function checkDescription(detail: string, isImageBank: (url: string) => boolean): string | undefined {
  const trimmed = detail.trim()
  if (trimmed.startsWith("{")) {
    let doc: { moduleList?: unknown }
    try {
      doc = JSON.parse(trimmed)
    } catch {
      return "is neither HTML nor description module JSON"
    }
    if (!Array.isArray(doc.moduleList)) {
      return "description module JSON must have a moduleList array"
    }
    for (const module of doc.moduleList as Array<Record<string, any>>) {
      if (module?.type === "html") {
        const problem = checkDescriptionHtml(String(module.html?.content ?? ""), isImageBank)
        if (problem) {
          return problem
        }
      } else if (module?.type === "image") {
        for (const image of module.images ?? []) {
          if (!isImageBank(String(image?.url ?? ""))) {
            return `image ${image?.url} is not in the image bank (upload it first)`
          }
        }
      } else if (module?.type !== "text") {
        return `description module type ${module?.type} is not supported`
      }
    }
    return undefined
  }
  return checkDescriptionHtml(detail, isImageBank)
}
