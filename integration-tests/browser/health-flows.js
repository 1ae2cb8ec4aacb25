/**
 * Failures that shout and changes that show at once: an order import outage in the Account
 * panel and in Medusa's notification bell, a review rejection within a minute, a rule change
 * sent at once with its progress polled live.
 */
const CONNECT = "connect the sandbox account through the OAuth round trip"
const OUTAGE = "an order import outage turns the Account panel red and rings the notification bell"
const REJECTED = "a rejection by AliExpress review shows within a minute"
const RULES = "a price rule change is sent at once, its count in the toast and its progress live"

async function run(t) {
  const { page, check, shot, api, sandbox, goto, seed, SHORT } = t

  const waitUntil = async (what, fn, timeout, every = 1000) => {
    const deadline = Date.now() + timeout
    let last
    while (Date.now() < deadline) {
      last = await fn().catch((e) => ({ error: e.message }))
      if (last && last.done) return last.value
      await page.waitForTimeout(every)
    }
    throw new Error(`${what} did not happen within ${timeout / 1000}s (last: ${JSON.stringify(last && (last.value ?? last)).slice(0, 300)})`)
  }

  await check(
    OUTAGE,
    async () => {
      await goto("/aliexpress")
      await page.getByTestId("import-now").waitFor({ timeout: SHORT })
      const outageAt = Date.now()
      await sandbox("POST", "/__sandbox/faults", { error_rate: 1 })
      try {
        // No reload: the overview polls, so the merchant sees it by just looking.
        const alert = page.getByTestId("health-order_import")
        await alert.waitFor({ timeout: 60000 })
        const seconds = (Date.now() - outageAt) / 1000
        if (seconds > 60) throw new Error(`the outage showed after ${seconds}s`)
        await alert.getByText(/AliExpress/).first().waitFor({ timeout: SHORT })
        await shot("30-overview-order-import-failing")

        // Medusa's own bell (Ctrl+N opens its drawer, which lists the admin feed).
        await waitUntil(
          "the bell's notice",
          async () => {
            await page.keyboard.press("Control+n")
            const visible = await page.getByText("AliExpress order import is failing").first().isVisible({ timeout: 3000 }).catch(() => false)
            if (!visible) await page.keyboard.press("Escape")
            return { done: visible }
          },
          30000,
          2000
        )
        const notices = await page.getByText("AliExpress order import is failing").count()
        if (notices !== 1) throw new Error(`the bell shows ${notices} notices for one outage`)
        await shot("31-notification-bell-order-import")
        await page.keyboard.press("Escape")
      } finally {
        await sandbox("POST", "/__sandbox/faults", {})
      }

      // Retry runs the import now: the alarm clears without waiting for the next tick.
      await page.getByTestId("retry-order_import").click()
      await page.getByTestId("health-order_import").waitFor({ state: "detached", timeout: SHORT })
      await waitUntil(
        "the recovery notice",
        async () => {
          const { notifications } = await api("GET", "/admin/notifications?channel=feed&limit=20&fields=data,created_at")
          return { done: notifications.some((n) => n.data && n.data.title === "AliExpress order import works again"), value: notifications.length }
        },
        SHORT
      )
      await shot("32-overview-order-import-recovered")
    },
    [CONNECT]
  )

  await check(
    REJECTED,
    async () => {
      await api("POST", `/admin/sales-channels/${seed.salesChannelId}/products`, { add: [seed.forbiddenProductId] })
      await api("POST", "/admin/aliexpress/sync", { product_ids: [seed.forbiddenProductId] })
      const submittedAt = await waitUntil(
        "the product sent for review",
        async () => {
          const { listing } = await api("GET", `/admin/aliexpress/listings/${seed.forbiddenProductId}`)
          return { done: listing && ["auditing", "rejected"].includes(listing.status), value: Date.now() }
        },
        60000
      )
      await goto("/aliexpress/products?status=rejected")
      // The products screen polls: the rejection appears there without a reload.
      await page.getByText("Browser Tee Forbidden").first().waitFor({ timeout: 60000 })
      const seconds = (Date.now() - submittedAt) / 1000
      if (seconds > 60) throw new Error(`the rejection showed ${seconds}s after the submission`)
      await shot("33-products-rejected-within-a-minute")
    },
    [CONNECT]
  )

  await check(
    RULES,
    async () => {
      await goto("/aliexpress/settings")
      const markup = page.locator('input[name="markup_percent"]')
      await markup.waitFor({ timeout: SHORT })
      await markup.fill("12")
      const savedAt = new Date().toISOString()
      await page.getByTestId("save-rules").click()
      const toast = page.getByText(/Settings saved · \d+ products? will be updated/).first()
      await toast.waitFor({ timeout: SHORT })
      const count = Number((await toast.innerText()).match(/· (\d+) product/)[1])
      if (!count) throw new Error("the toast names no product")
      await shot("34-settings-saved-count")

      // The overview follows the run without a reload: fast polling while it runs.
      await goto("/aliexpress")
      await waitUntil(
        "the rule change's sync to run and finish",
        async () => {
          const { account } = await api("GET", "/admin/aliexpress/overview")
          const p = account.sync_progress
          return { done: p && p.started_at >= savedAt && p.state === "done", value: p }
        },
        30000
      )
      await page.getByTestId("sync-progress").getByText(/Last sync/).waitFor({ timeout: 6000 })
      await shot("35-overview-sync-after-rule-change")
      await api("POST", "/admin/aliexpress/settings", { markup_percent: 0 })
    },
    [CONNECT]
  )
}

module.exports = { run }
