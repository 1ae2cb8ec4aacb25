import { IncomingMessage, ServerResponse } from "node:http"
import { readBody, sendText } from "./http-util"
import { SandboxStore, SellerState } from "./store"
import { issueCode } from "./tokens"

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}button{padding:.5rem 1.5rem;margin-right:.5rem}</style>
</head><body>${body}</body></html>`
}

/** The part of a callback URL that must match the registered one: origin and path. */
function callbackOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-length": 0 })
  res.end()
}

/**
 * The seller consent flow: `/oauth/authorize` page, approval and redirect with `code` and `state`.
 * The page lets you pick which of the sandbox's sellers signs in (`seller_id` preselects one); the
 * code, and so the token it is exchanged for, belongs to that seller.
 */
export class OAuthPages {
  constructor(private readonly store: SandboxStore, private readonly appKey: string) {}

  private validate(params: URLSearchParams): string | undefined {
    if (params.get("response_type") !== "code") {
      return "response_type must be code"
    }
    if (params.get("client_id") !== this.appKey) {
      return "client_id is not a registered application"
    }
    const redirectUri = params.get("redirect_uri") ?? ""
    try {
      const parsed = new URL(redirectUri)
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        return "redirect_uri must be an http(s) URL"
      }
    } catch {
      return "redirect_uri must be an absolute URL"
    }
    const registered = this.store.config.redirectUri
    if (registered && callbackOf(redirectUri) !== callbackOf(registered)) {
      // As AliExpress does: no code, and no redirect to a URL the app did not register.
      return `redirect_uri ${redirectUri} does not match the callback URL registered for application ${this.appKey}`
    }
    return undefined
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let params = url.searchParams
    if (req.method === "POST") {
      params = new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8"))
    }
    const sellerId = params.get("seller_id") || undefined
    const seller = this.store.seller(sellerId)
    const problem = this.validate(params)
    if (problem || !seller) {
      const text = problem ?? `seller_id ${sellerId} is not a seller of this sandbox`
      sendText(res, 400, "text/html;charset=utf-8", page("Authorization error", `<h1>Authorization error</h1><p>${escapeHtml(text)}</p>`))
      return
    }
    const approve = url.pathname === "/oauth/authorize/approve" || (req.method === "POST" && params.get("action") !== "deny")
    const deny = req.method === "POST" && params.get("action") === "deny"
    if (url.pathname === "/oauth/authorize" && req.method === "GET") {
      this.consentPage(res, params, seller)
      return
    }
    const target = new URL(params.get("redirect_uri")!)
    if (deny || !approve) {
      target.searchParams.set("error", "access_denied")
    } else {
      target.searchParams.set("code", issueCode(this.store, this.appKey, params.get("redirect_uri")!, seller))
    }
    if (params.get("state") !== null) {
      target.searchParams.set("state", params.get("state")!)
    }
    redirect(res, target.toString())
  }

  private consentPage(res: ServerResponse, params: URLSearchParams, chosen: SellerState): void {
    const hidden = ["response_type", "client_id", "redirect_uri", "state", "force_auth"]
      .filter((name) => params.get(name) !== null)
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
      .join("")
    const sellers = [...this.store.sellers.values()]
      .map((seller) => {
        const id = escapeHtml(seller.sellerId)
        const checked = seller === chosen ? " checked" : ""
        return `<label><input type="radio" name="seller_id" value="${id}" id="seller-${id}"${checked}>
${escapeHtml(seller.account.user_nick)} (${escapeHtml(seller.account.shop_name)})</label><br>`
      })
      .join("\n")
    const body = `<h1>AliExpress Open Platform</h1>
<p>Application <strong>${escapeHtml(this.appKey)}</strong> asks to access a seller account.</p>
<form method="post" action="/oauth/authorize">${hidden}
<fieldset id="sellers"><legend>Sign in as</legend>
${sellers}
</fieldset>
<button type="submit" name="action" value="approve" id="authorize">Authorize</button>
<button type="submit" name="action" value="deny" id="cancel">Cancel</button>
</form>`
    sendText(res, 200, "text/html;charset=utf-8", page("Authorize application", body))
  }
}
