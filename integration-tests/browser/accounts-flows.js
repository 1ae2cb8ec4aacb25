/**
 * Several seller accounts in one store: the accounts list with each account's health, a second
 * account added and connected through the screens, the switcher (its choice in the URL), a
 * shared link opening on its account, the widgets showing each account's listing and order, and
 * removing an account. Runs last: once a second account exists, calls that name no account are
 * refused, as the earlier journeys make them.
 */
const CONNECT = "connect the sandbox account through the OAuth round trip"
const ORDER = "place a sandbox order and see it on the Orders screen and in the order widget"
const LIST = "the accounts list shows the store's account with its connection, expiry, last import and problems"
const ADD = "add a second account with Add account and connect it through the sandbox"
const BOTH = "both accounts show in the accounts list, each with its own health"
const SWITCH = "the account switcher changes the account, the URL carries it, and every screen follows"
const LINK = "a shared link with account_id opens on that account"
const WIDGETS = "the product widget shows each account's listing and the order widget the order's account"
const SAME_SELLER = "reconnecting an account as a seller another account has is refused, with the reason on screen"
const REMOVE = "removing an account takes it off the list and leaves the other"

const SECOND_NAME = "Browser Second Shop"
const SECOND_SELLER = "second-seller"

async function run(t) {
  const { page, check, shot, api, sandbox, pickSelect, goto, seed, sandboxUrl, app, SHORT, LONG } = t
  let first = null
  let second = null
  let secondSellerId = null

  const waitUntil = async (what, fn, timeout = LONG, every = 1500) => {
    const deadline = Date.now() + timeout
    let last
    while (Date.now() < deadline) {
      last = await fn().catch((e) => ({ error: e.message }))
      if (last && last.done) return last.value
      await page.waitForTimeout(every)
    }
    throw new Error(`${what} did not happen within ${timeout / 1000}s (last: ${JSON.stringify(last && (last.value ?? last)).slice(0, 300)})`)
  }
  const accounts = async () => (await api("GET", "/admin/aliexpress/accounts")).accounts
  const rowOf = (id) => page.locator(`[data-testid="account-row"][data-account-id="${id}"]`)
  const accountParam = () => new URL(page.url()).searchParams.get("account_id")
  const nameField = () => page.getByTestId("account-name")
  const waitForValue = async (locator, value) =>
    waitUntil(`the field to read "${value}"`, async () => {
      const v = await locator.inputValue()
      return { done: v === value, value: v }
    }, SHORT, 300)

  await check(
    LIST,
    async () => {
      const list = await accounts()
      if (list.length !== 1) throw new Error(`the store has ${list.length} accounts before one is added`)
      first = list[0]
      await goto("/aliexpress/accounts")
      const row = rowOf(first.id)
      await row.waitFor({ timeout: SHORT })
      await row.getByText(first.name, { exact: true }).waitFor({ timeout: SHORT })
      await row.getByTestId("account-status").filter({ hasText: "Connected" }).waitFor({ timeout: SHORT })
      if (first.seller_nick) await row.getByText(first.seller_nick, { exact: true }).waitFor({ timeout: SHORT })
      // Health columns say what the route says: expiry in words, the import, the problem count.
      const cells = await row.innerText()
      if (/Never/.test(cells) && first.last_order_import_at) throw new Error("the list says never imported, the account has imported")
      if (first.refresh_token_expires_at && !/in \d+ (day|hour|minute)s?/.test(cells)) throw new Error(`no authorization expiry in "${cells}"`)
      const problems = (await row.getByTestId("account-problems").innerText()).trim()
      const expected = first.problem_count ? `${first.problem_count} problem` : "—"
      if (!problems.startsWith(expected)) throw new Error(`the problem count reads "${problems}", the route says ${first.problem_count}`)
      await row.getByTestId("account-health-state").waitFor({ timeout: SHORT })
      // The single account is named by the switcher, with nothing to choose.
      await page.getByTestId("account-switcher").filter({ hasText: first.name }).waitFor({ timeout: SHORT })
      await shot("40-accounts-list-one")
    },
    [CONNECT]
  )

  await check(
    ADD,
    async () => {
      await goto("/aliexpress/accounts")
      await page.getByTestId("add-account").click()
      const drawer = page.getByTestId("add-account-drawer")
      await drawer.waitFor({ timeout: SHORT })
      await page.locator("#new-account-name").fill(SECOND_NAME)
      await pickSelect(page.getByTestId("new-account-gateway-mode"), "Sandbox or other URL")
      await page.locator("#new-account-gateway-url").fill(sandboxUrl)
      await page.locator("#new-account-app-key").fill(app.key)
      await page.locator("#new-account-app-secret").fill(app.secret)
      await page.getByTestId("new-account-sales-channel").filter({ hasText: `AliExpress - ${SECOND_NAME}` }).waitFor({ timeout: SHORT })
      await shot("41-add-account-form")
      await page.getByTestId("add-account-save").click()
      await page.getByTestId("add-account-saved").waitFor({ timeout: SHORT })

      const list = await accounts()
      second = list.find((a) => a.name === SECOND_NAME)
      if (!second) throw new Error("the new account is not in the list")
      if (list[0].id !== first.id) throw new Error("the list is not oldest first")
      if (second.sales_channel_name !== `AliExpress - ${SECOND_NAME}`) throw new Error(`the new account's channel is "${second.sales_channel_name}"`)
      if (second.is_connected) throw new Error("the new account is connected before its OAuth round trip")

      // One seller, one account: the second account signs in as another seller of the sandbox.
      secondSellerId = (await sandbox("POST", "/__sandbox/sellers", { nick: SECOND_SELLER })).seller_id
      await page.getByTestId("add-account-connect").click()
      await page.waitForURL((u) => u.href.startsWith(sandboxUrl), { timeout: SHORT })
      await page.locator("#authorize").waitFor({ timeout: SHORT })
      await page.locator(`#seller-${secondSellerId}`).check()
      await shot("42-sandbox-consent-second")
      await page.locator("#authorize").click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/settings"), { timeout: SHORT })
      await page.getByTestId("connection-status").filter({ hasText: "Connected" }).waitFor({ timeout: SHORT })
      // Back on the account just connected, not the store's first.
      await waitUntil("the settings URL naming the new account", async () => ({ done: accountParam() === second.id, value: page.url() }), SHORT, 300)
      await waitForValue(nameField(), SECOND_NAME)
      await page.getByTestId("connection-status").filter({ hasText: SECOND_SELLER }).waitFor({ timeout: SHORT })
      second = (await accounts()).find((a) => a.id === second.id)
      if (!second.is_connected) throw new Error("the new account is not connected after the round trip")
      if (second.seller_nick !== SECOND_SELLER) throw new Error(`the new account acts for ${second.seller_nick}`)
      await shot("43-settings-second-connected")
    },
    [LIST]
  )

  await check(
    BOTH,
    async () => {
      await goto("/aliexpress/accounts")
      for (const a of [first, second]) {
        const row = rowOf(a.id)
        await row.getByText(a.name, { exact: true }).waitFor({ timeout: SHORT })
        await row.getByTestId("account-status").filter({ hasText: "Connected" }).waitFor({ timeout: SHORT })
        await row.getByTestId("account-health-state").waitFor({ timeout: SHORT })
      }
      const rows = await page.getByTestId("account-row").count()
      if (rows !== 2) throw new Error(`the list shows ${rows} accounts`)
      await shot("44-accounts-list-two")
      // A row opens that account's overview.
      await rowOf(second.id).getByTestId("account-link").click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await page.getByTestId("overview-account-name").filter({ hasText: SECOND_NAME }).waitFor({ timeout: SHORT })
    },
    [ADD]
  )

  await check(
    SWITCH,
    async () => {
      // No account in the URL: the store's first (oldest) account.
      await goto("/aliexpress/settings")
      await waitForValue(nameField(), first.name)
      const switcher = page.getByTestId("account-switcher")
      await switcher.filter({ hasText: first.name }).waitFor({ timeout: SHORT })

      await pickSelect(switcher, SECOND_NAME)
      await page.waitForURL((u) => u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await waitForValue(nameField(), SECOND_NAME)
      await shot("45-settings-switched")

      // The section tabs keep the account.
      await page.getByRole("tab", { name: "Overview" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await page.getByTestId("overview-account-name").filter({ hasText: SECOND_NAME }).waitFor({ timeout: SHORT })
      await page.getByRole("tab", { name: "Products" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/products") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      // Its own channel is new and empty: the first account's products are not shown for it.
      await page.getByText("No products in the AliExpress channel yet").waitFor({ timeout: SHORT })
      if (await page.getByTestId(`listing-row-${seed.goodProductId}`).count()) throw new Error("the second account shows the first account's listing")
      await page.getByRole("tab", { name: "Orders" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/orders") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await page.getByRole("tab", { name: "Mapping template" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/mapping") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await page.getByTestId("field-category_id").waitFor({ timeout: SHORT })
      await page.getByRole("tab", { name: "Lookup lists" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/lookup-lists") && u.searchParams.get("account_id") === second.id, { timeout: SHORT })
      await page.getByTestId("account-switcher").filter({ hasText: SECOND_NAME }).waitFor({ timeout: SHORT })

      // And back: the first account's listings again.
      await page.getByRole("tab", { name: "Products" }).click()
      await pickSelect(page.getByTestId("account-switcher"), first.name)
      await page.waitForURL((u) => u.searchParams.get("account_id") === first.id, { timeout: SHORT })
      await page.getByTestId(`listing-row-${seed.goodProductId}`).waitFor({ timeout: SHORT })
      await shot("46-products-first-account")
    },
    [BOTH]
  )

  await check(
    LINK,
    async () => {
      // A fresh tab, as when a colleague opens the link.
      const other = await page.context().newPage()
      try {
        await other.goto(`${t.medusaUrl}/app/aliexpress/settings?account_id=${second.id}`, { waitUntil: "domcontentloaded", timeout: LONG })
        await other.getByTestId("account-name").waitFor({ timeout: LONG })
        const deadline = Date.now() + SHORT
        while ((await other.getByTestId("account-name").inputValue()) !== SECOND_NAME) {
          if (Date.now() > deadline) throw new Error(`the shared settings link opened on "${await other.getByTestId("account-name").inputValue()}"`)
          await other.waitForTimeout(300)
        }
        await other.getByTestId("account-switcher").filter({ hasText: SECOND_NAME }).waitFor({ timeout: SHORT })
        await other.goto(`${t.medusaUrl}/app/aliexpress?account_id=${first.id}`, { waitUntil: "domcontentloaded", timeout: LONG })
        await other.getByTestId("overview-account-name").filter({ hasText: first.name }).waitFor({ timeout: SHORT })
      } finally {
        await other.close()
      }
    },
    [ADD]
  )

  await check(
    WIDGETS,
    async () => {
      // The good product joins the second account's channel too, and that account lists it.
      await api("POST", `/admin/sales-channels/${second.sales_channel_id}/products`, { add: [seed.goodProductId] })
      await api("POST", "/admin/aliexpress/sync", { account_id: second.id, product_ids: [seed.goodProductId] })
      await waitUntil("a listing of the product for each account", async () => {
        const { listings } = await api("GET", `/admin/aliexpress/listings/${seed.goodProductId}`)
        return { done: (listings ?? []).length === 2, value: (listings ?? []).map((l) => [l.account_name, l.status]) }
      }, 60000)
      await goto(`/products/${seed.goodProductId}`)
      const widget = page.getByTestId("aliexpress-product-widget")
      await widget.waitFor({ timeout: SHORT })
      for (const a of [first, second]) {
        const section = widget.locator(`[data-testid="widget-listing"][data-account-id="${a.id}"]`)
        await section.getByTestId("widget-account-name").filter({ hasText: a.name }).waitFor({ timeout: SHORT })
      }
      const firstListing = widget.locator(`[data-testid="widget-listing"][data-account-id="${first.id}"]`)
      const liveId = (await firstListing.getByTestId("widget-ae-product-id").innerText()).trim()
      if (!/^\d+$/.test(liveId)) throw new Error(`the first account's listing shows "${liveId}" as its AliExpress id`)
      await widget.scrollIntoViewIfNeeded()
      await shot("47-product-widget-two-accounts")

      const { orders } = await api("GET", `/admin/aliexpress/orders?account_id=${first.id}&limit=20`)
      const order = orders.find((o) => o.order_id)
      if (!order) throw new Error("no imported order of the first account")
      await goto(`/orders/${order.order_id}`)
      const orderWidget = page.getByTestId("aliexpress-order-widget")
      await orderWidget.getByTestId("widget-account-name").filter({ hasText: first.name }).waitFor({ timeout: 60000 })
      await orderWidget.scrollIntoViewIfNeeded()
      await shot("48-order-widget-account")
    },
    [ADD, ORDER]
  )

  await check(
    SAME_SELLER,
    async () => {
      await goto(`/aliexpress/settings?account_id=${second.id}`)
      await page.getByTestId("connection-status").filter({ hasText: SECOND_SELLER }).waitFor({ timeout: SHORT })
      await page.getByTestId("connect-button").click()
      await page.waitForURL((u) => u.href.startsWith(sandboxUrl), { timeout: SHORT })
      await page.locator(`#seller-${first.seller_id}`).check()
      await page.locator("#authorize").click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/settings"), { timeout: SHORT })
      await page.getByTestId("oauth-error").getByText(/already connected/).waitFor({ timeout: SHORT })
      if (accountParam() !== second.id) throw new Error(`the refusal shows on ${page.url()}, not on the account being connected`)
      await shot("49-settings-same-seller-refused")
      const after = (await accounts()).find((a) => a.id === second.id)
      if (after.seller_nick !== SECOND_SELLER || !after.is_connected) {
        throw new Error(`after the refusal the account acts for ${after.seller_nick} (connected: ${after.is_connected})`)
      }
    },
    [ADD]
  )

  await check(
    REMOVE,
    async () => {
      await goto(`/aliexpress/accounts?account_id=${second.id}`)
      await rowOf(second.id).getByTestId("remove-account").click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor({ timeout: SHORT })
      await dialog.getByRole("button", { name: "Remove" }).click()
      await rowOf(second.id).waitFor({ state: "detached", timeout: SHORT })
      await rowOf(first.id).waitFor({ timeout: SHORT })
      // The removed account leaves the URL: the screens are back on the remaining one.
      await waitUntil("the removed account leaving the URL", async () => ({ done: accountParam() === null, value: page.url() }), SHORT, 300)
      const list = await accounts()
      if (list.length !== 1 || list[0].id !== first.id) throw new Error(`after removal the list is ${JSON.stringify(list.map((a) => a.name))}`)
      await shot("50-accounts-after-remove")
    },
    [ADD]
  )
}

module.exports = { run }
