/**
 * The merchant's journey through the AliExpress screens, one check per step.
 * A check whose prerequisite failed is counted as failed without running.
 */
const path = require("path")
const { chromium } = require("playwright-core")

const SHORT = 20000
const LONG = 90000

async function runChecks(ctx) {
  const { medusaUrl, sandboxUrl, seed, shots, log } = ctx
  const results = []
  const outcome = new Map()

  const browser = await chromium.launch({
    executablePath: ctx.chromium,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } })
  const page = await context.newPage()
  const pageErrors = []
  page.on("pageerror", (e) => pageErrors.push(e.message))
  // React's nesting warnings carry the component stack; the plugin's own frames come from src/admin
  // (the dashboard's own screens, such as Medusa's order summary, have warnings of their own).
  const nestingWarnings = []
  page.on("console", (m) => {
    const text = m.text()
    if (m.type() === "error" && /validateDOMNesting|cannot be a descendant of|cannot contain a nested/.test(text) && /\/src\/admin\//.test(text)) {
      nestingWarnings.push(text.replace(/\s+/g, " ").slice(0, 1500))
    }
  })

  const shot = async (name) => {
    try {
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
    } catch (e) {
      log(`screenshot ${name} failed: ${e.message}`)
    }
  }

  async function check(name, fn, needs = []) {
    const blocked = needs.find((n) => outcome.get(n) !== true)
    if (blocked) {
      log(`✗ ${name} (not run: "${blocked}" failed)`)
      results.push({ name, ok: false })
      outcome.set(name, false)
      return
    }
    const t0 = Date.now()
    try {
      if (!ctx.isMedusaAlive()) throw new Error("Medusa is not running")
      await fn()
      log(`✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`)
      results.push({ name, ok: true })
      outcome.set(name, true)
    } catch (e) {
      log(`✗ ${name}: ${(e && e.message ? e.message : String(e)).split("\n").slice(0, 6).join("\n")}`)
      await shot(`failed-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`)
      results.push({ name, ok: false })
      outcome.set(name, false)
    }
  }

  /** Admin API calls with the browser's session cookie, as the dashboard makes them. */
  const api = async (method, url, body) => {
    const res = await page.request.fetch(`${medusaUrl}${url}`, {
      method,
      data: body,
      headers: body ? { "content-type": "application/json" } : undefined,
    })
    const text = await res.text()
    if (!res.ok()) throw new Error(`${method} ${url} -> ${res.status()}: ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : {}
  }

  const sandbox = async (method, url, body) => {
    const res = await fetch(`${sandboxUrl}${url}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!res.ok) throw new Error(`sandbox ${method} ${url} -> ${res.status}`)
    return res.json()
  }

  /** Reloads until the text shows: the screens poll, but a reload keeps the wait bounded and simple. */
  const waitForText = async (text, { timeout = LONG, reload = true, url } = {}) => {
    const deadline = Date.now() + timeout
    while (Date.now() < deadline) {
      if (await page.getByText(text, { exact: false }).first().isVisible().catch(() => false)) return
      await page.waitForTimeout(2500)
      if (reload) await (url ? page.goto(url) : page.reload()).catch(() => {})
    }
    throw new Error(`"${text}" did not appear on ${page.url()} within ${timeout / 1000}s`)
  }

  const pickSelect = async (trigger, optionText) => {
    await trigger.click()
    await page.getByRole("option", { name: optionText }).first().click()
  }

  const goto = async (p) => {
    await page.goto(`${medusaUrl}/app${p}`, { waitUntil: "domcontentloaded", timeout: 180000 })
  }

  try {
    await check("log in to the admin", async () => {
      // The first load is slow while Vite optimises the dashboard's dependencies.
      await goto("/login")
      await page.locator('input[name="email"]').waitFor({ timeout: 240000 })
      await page.locator('input[name="email"]').fill(ctx.admin.email)
      await page.locator('input[name="password"]').fill(ctx.admin.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((u) => !u.pathname.includes("/login"), { timeout: 60000 })
      await page.getByText("AliExpress", { exact: true }).first().waitFor({ timeout: 60000 })
      await shot("01-dashboard-sidebar")
    })

    await check(
      "overview explains the next step before setup",
      async () => {
        await goto("/aliexpress")
        await page.getByTestId("connection-banner").waitFor({ timeout: SHORT })
        await page.getByText("AliExpress is not set up yet").waitFor({ timeout: SHORT })
        await shot("02-overview-not-set-up")
      },
      ["log in to the admin"]
    )

    await check(
      "connect the sandbox account through the OAuth round trip",
      async () => {
        await goto("/aliexpress/settings")
        await pickSelect(page.getByTestId("gateway-mode"), "Sandbox or other URL")
        await page.locator("#ae-gateway-url").fill(sandboxUrl)
        await page.locator("#ae-app-key").fill(ctx.app.key)
        await page.locator("#ae-app-secret").fill(ctx.app.secret)
        await page.getByTestId("connect-button").click()
        await page.waitForURL((u) => u.href.startsWith(sandboxUrl), { timeout: SHORT })
        await page.locator("#authorize").waitFor({ timeout: SHORT })
        await shot("03-sandbox-consent")
        await page.locator("#authorize").click()
        await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/settings"), { timeout: SHORT })
        await page.getByTestId("connection-status").filter({ hasText: "Connected" }).waitFor({ timeout: SHORT })
        const { settings } = await api("GET", "/admin/aliexpress/settings")
        if (!settings.is_connected) throw new Error("the account is not connected after the round trip")
        if (settings.sales_channel_id !== seed.salesChannelId) throw new Error("the AliExpress channel was not adopted")
        await page.getByText("Carrier mapping").first().waitFor({ timeout: SHORT })
        await shot("04-settings-connected")
      },
      ["log in to the admin"]
    )

    const extra = require("./flows")
    await extra.run({ ...ctx, page, check, shot, api, sandbox, waitForText, pickSelect, goto, SHORT, LONG })
    await require("./health-flows").run({ ...ctx, page, check, shot, api, sandbox, waitForText, pickSelect, goto, SHORT, LONG })
    // Last: with a second account, calls that name no account are refused.
    await require("./accounts-flows").run({ ...ctx, page, check, shot, api, sandbox, waitForText, pickSelect, goto, SHORT, LONG })

    await check("the AliExpress screens raise no DOM nesting warning", async () => {
      if (nestingWarnings.length) throw new Error(nestingWarnings.slice(0, 2).join(" | "))
    })

    if (pageErrors.length) {
      log(`page errors seen: ${pageErrors.slice(0, 5).join(" | ")}`)
    }
  } finally {
    await browser.close().catch(() => {})
  }

  const passed = results.filter((r) => r.ok).length
  return { passed, failed: results.length - passed }
}

module.exports = { runChecks }
