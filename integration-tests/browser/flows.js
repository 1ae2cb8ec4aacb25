/**
 * The listing and order journeys: mapping editor and preview, a product going
 * live, a flawed product fixed, a sandbox order imported, shipped and pushed.
 */
const CONNECT = "connect the sandbox account through the OAuth round trip"
const MAPPING = "set the category and templates in the mapping editor and see the preview"
const LIVE = "watch a product become live in the Products screen"
const FLAWED = "see a flawed product's problem and fix it"
const ATTRIBUTES = "see a category's attributes in the mapping editor and match a value in place"
const ORDER = "place a sandbox order and see it on the Orders screen and in the order widget"
const SHIP = "ship the order and see the push succeed"

// A US buyer, so every run takes the same (taxed) path through the import.
const US_BUYER = {
  buyer: { login_id: "us1029384756abcd", first_name: "Emma", last_name: "Johnson", email: "emma.johnson@example.com", country: "US" },
  address: {
    contact_person: "Emma Johnson",
    address: "350 Fifth Avenue",
    city: "New York",
    province: "NY",
    country: "US",
    zip: "10118",
    phone_number: "2125551234",
  },
}

async function run(t) {
  const { page, check, shot, api, sandbox, waitForText, pickSelect, goto, seed, SHORT, LONG } = t
  let aeOrderId = null
  let medusaOrderId = null

  const listingOf = async (productId) => {
    try {
      return (await api("GET", `/admin/aliexpress/listings/${productId}`)).listing
    } catch {
      return null
    }
  }

  const waitUntil = async (what, fn, timeout = LONG, every = 2000) => {
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
    MAPPING,
    async () => {
      await goto("/aliexpress/mapping")
      await page.getByTestId("field-category_id").waitFor({ timeout: SHORT })
      await page.getByText("Package Weight (kg)").first().waitFor({ timeout: SHORT })

      await pickSelect(page.getByTestId("source-kind-category_id"), "Constant value")
      const picker = page.getByTestId("category-picker")
      await picker.getByTestId("category-200000297").click()
      await picker.getByTestId("category-200000343").click()
      await picker.getByTestId("category-200000346").click()
      await page.getByTestId("category-selected").filter({ hasText: "200000346" }).waitFor({ timeout: SHORT })

      await pickSelect(page.getByTestId("source-kind-freight_template_id"), "Constant value")
      await pickSelect(page.getByTestId("freight-template"), /Free Shipping/)
      await pickSelect(page.getByTestId("source-kind-service_template_id"), "Constant value")
      await pickSelect(page.getByTestId("service-template"), /Service Template for New Sellers/)

      // One combobox: type to search, pick from the same widget.
      await page.getByTestId("preview-product").click()
      await page.getByTestId("preview-product-search").fill("Browser Tee Good")
      await page.getByTestId("preview-product-option").filter({ hasText: "Browser Tee Good" }).first().click()
      await page.getByTestId("preview-product").filter({ hasText: "Browser Tee Good" }).waitFor({ timeout: SHORT })
      await page.getByTestId("run-preview").click()
      const result = page.getByTestId("preview-result")
      await result.waitFor({ timeout: SHORT })
      await result.getByText("Ready to list").waitFor({ timeout: SHORT })
      // The readable view: labelled fields and the pictures as thumbnails, beside the raw JSON.
      const readable = page.getByTestId("preview-readable")
      await readable.getByText("Product name").waitFor({ timeout: SHORT })
      await readable.getByText("Browser Tee Good").first().waitFor({ timeout: SHORT })
      const thumbs = await page.getByTestId("preview-images").locator("img").count()
      if (thumbs < 1) throw new Error("the readable preview shows no image thumbnails")
      const payload = await page.getByTestId("preview-payload").innerText()
      if (!payload.includes("200000346")) throw new Error("the preview payload does not carry the chosen category")
      await page.getByTestId("preview-panel").scrollIntoViewIfNeeded()
      await shot("05-mapping-preview")

      await page.getByTestId("save-template").click()
      await page.getByText("Mapping template saved").first().waitFor({ timeout: SHORT })
      const { templates } = await api("GET", "/admin/aliexpress/templates")
      const active = templates.find((x) => x.is_default) ?? templates[0]
      if (String(active?.fields?.category_id?.value) !== "200000346") throw new Error("the saved template lacks the category")
      if (String(active?.fields?.freight_template_id?.value) !== "1000") throw new Error("the saved template lacks the freight template")
    },
    [CONNECT]
  )

  await check(
    LIVE,
    async () => {
      await goto("/aliexpress/products")
      await page.getByTestId("sync-all").click()
      await page.getByText("Full sync started").first().waitFor({ timeout: SHORT })
      const row = page.getByTestId(`listing-row-${seed.goodProductId}`)
      await waitUntil("the good product going live", async () => {
        const text = await row.innerText().catch(() => "")
        return { done: /Live/.test(text), value: text }
      }, 150000)
      const listing = await listingOf(seed.goodProductId)
      if (!listing?.ae_product_id) throw new Error("the live listing has no AliExpress product id")
      const state = await sandbox("GET", "/__sandbox/state")
      const onAe = state.products.find((p) => String(p.product_id) === String(listing.ae_product_id))
      if (!onAe || onAe.status !== "onSelling") throw new Error(`the sandbox does not sell it (${onAe?.status})`)
      await shot("06-products-live")
      await goto("/aliexpress")
      await page.getByTestId("listing-chart").waitFor({ timeout: SHORT })
      await page.getByTestId("sync-progress").waitFor({ timeout: SHORT })
      await shot("07-overview-after-sync")
    },
    [MAPPING]
  )

  await check(
    FLAWED,
    async () => {
      await goto("/aliexpress/products?has_problems=true")
      const row = page.getByTestId(`listing-row-${seed.flawedProductId}`)
      await waitUntil("the flawed product being flagged", async () => {
        const text = await row.innerText().catch(() => "")
        return { done: /Needs fixes/.test(text) && /problem/.test(text), value: text }
      }, 60000)
      await row.click()
      const drawer = page.getByTestId("listing-drawer")
      await drawer.waitFor({ timeout: SHORT })
      await drawer.getByText("Package Weight (kg)").first().waitFor({ timeout: SHORT })
      await drawer.getByText("How to fix:").first().waitFor({ timeout: SHORT })
      await shot("08-flawed-product-problems")

      // The fix is made where the merchant keeps the data: Medusa's own product editor.
      await goto(`/products/${seed.flawedProductId}/attributes`)
      const weight = page.locator('input[name="weight"]')
      await weight.waitFor({ timeout: SHORT })
      await weight.fill("250")
      await page.getByRole("button", { name: "Save" }).click()
      await page.waitForURL((u) => !u.pathname.endsWith("/attributes"), { timeout: SHORT })

      await page.getByTestId("aliexpress-product-widget").waitFor({ timeout: SHORT })
      await page.getByTestId("widget-sync").click()
      await waitUntil("the fixed product leaving 'invalid'", async () => {
        const listing = await listingOf(seed.flawedProductId)
        return { done: listing && listing.status !== "invalid" && !listing.problem_count, value: listing && { status: listing.status, problems: listing.problems } }
      }, 120000)
      await page.reload()
      await page.getByTestId("aliexpress-product-widget").waitFor({ timeout: SHORT })
      await page.getByTestId("aliexpress-product-widget").scrollIntoViewIfNeeded()
      await shot("09-product-widget-fixed")
    },
    [MAPPING]
  )

  await check(
    ATTRIBUTES,
    async () => {
      // The products page finds what a category attribute keeps back.
      await waitUntil("the blend product held back by its Gender", async () => {
        const listing = await listingOf(seed.blendProductId)
        return { done: listing?.status === "invalid", value: listing && listing.problems }
      }, 60000)
      await goto("/aliexpress/products?missing_attribute=true")
      await page.getByTestId(`listing-row-${seed.blendProductId}`).waitFor({ timeout: SHORT })
      if (await page.getByTestId(`listing-row-${seed.goodProductId}`).isVisible()) throw new Error("the missing-attribute filter shows a product with all its attributes")

      await goto("/aliexpress/mapping")
      const section = page.getByTestId("attribute-section")
      await section.waitFor({ timeout: SHORT })
      await section.getByTestId("attribute-category-picker").getByTestId("category-selected").filter({ hasText: "200000346" }).waitFor({ timeout: SHORT })
      const material = section.getByTestId("attribute-row-Material")
      await material.waitFor({ timeout: SHORT })
      await material.getByTestId("attribute-required").waitFor({ timeout: SHORT })
      await section.getByTestId("attribute-row-Origin").getByTestId("attribute-required").waitFor({ timeout: SHORT })
      const gender = section.getByTestId("attribute-row-Gender")
      if (await gender.getByTestId("attribute-required").isVisible()) throw new Error("Gender is shown as required")
      const counts = await gender.getByTestId("attribute-counts").innerText()
      if (!/1 fail/.test(counts)) throw new Error(`Gender's counts do not show the failing value: ${counts}`)
      const source = await material.getByTestId("attribute-source").innerText()
      if (!/material/.test(source)) throw new Error(`Material's source is not shown: ${source}`)

      await material.getByTestId("values-attribute-Material").click()
      const bamboo = section.getByTestId("value-matches-Material").getByTestId("value-row-Material-Bamboo")
      await bamboo.getByText("Other + text").waitFor({ timeout: SHORT })

      await gender.getByTestId("values-attribute-Gender").click()
      const kids = section.getByTestId("value-matches-Gender").getByTestId("value-row-Gender-Kids")
      await kids.getByText("No match").waitFor({ timeout: SHORT })
      await section.scrollIntoViewIfNeeded()
      await shot("10-mapping-attributes")
      await pickSelect(kids.getByTestId("value-select"), "Unisex")
      await page.getByText('"Kids" now matches Unisex').first().waitFor({ timeout: SHORT })
      await section.getByTestId("value-matches-Gender").getByTestId("value-row-Gender-Kids").getByText("Value list").waitFor({ timeout: SHORT })
      const { lookup_lists } = await api("GET", "/admin/aliexpress/lookup-lists")
      const list = lookup_lists.find((l) => l.name === "Gender values")
      if (!list || !list.entries.some((e) => e.from === "Kids" && e.to === "100006042")) throw new Error("the value match was not saved in a value list")
      const { templates } = await api("GET", "/admin/aliexpress/templates")
      const active = templates.find((x) => x.is_default) ?? templates[0]
      if (active.attributes?.Gender?.value_list !== "Gender values") throw new Error("the template does not use the new value list")
      await shot("11-value-matched")

      await api("POST", "/admin/aliexpress/sync", { product_ids: [seed.blendProductId] })
      const listed = await waitUntil("the blend product listed", async () => {
        const listing = await listingOf(seed.blendProductId)
        return { done: !!listing?.ae_product_id, value: listing }
      }, 90000)
      const state = await sandbox("GET", "/__sandbox/state")
      const onAe = state.products.find((p) => String(p.product_id) === String(listed.ae_product_id))
      const names = (onAe?.attributes ?? []).map((a) => `${a.name}=${a.value}`)
      for (const want of ["Gender=Unisex", "Material=Cotton", "Material=Bamboo", "Origin=Mainland China"]) {
        if (!names.includes(want)) throw new Error(`the sandbox product lacks ${want} (${names.join(", ")})`)
      }
    },
    [MAPPING, LIVE]
  )

  await check(
    ORDER,
    async () => {
      const created = await sandbox("POST", "/__sandbox/orders", { items: [{ sku_code: seed.goodSku, quantity: 1 }], ...US_BUYER })
      aeOrderId = String(created.order_id)
      await goto("/aliexpress/orders")
      await page.getByTestId("import-orders").click()
      await page.getByText("Order import finished").first().waitFor({ timeout: 60000 })
      const row = page.getByTestId(`ae-order-${aeOrderId}`)
      await waitUntil("the order row showing as imported", async () => {
        const text = await row.innerText().catch(() => "")
        return { done: /Imported/.test(text) && /View order/.test(text), value: text }
      }, 60000)
      await shot("10-orders-imported")

      const { orders } = await api("GET", `/admin/aliexpress/orders?q=${aeOrderId}`)
      medusaOrderId = orders[0]?.order_id
      if (!medusaOrderId) throw new Error("the binding has no Medusa order")
      await goto(`/orders/${medusaOrderId}`)
      const widget = page.getByTestId("aliexpress-order-widget")
      await widget.waitFor({ timeout: 60000 })
      await widget.getByTestId("widget-ae-order-id").filter({ hasText: aeOrderId }).waitFor({ timeout: SHORT })
      await shot("11-order-widget")
    },
    [LIVE]
  )

  await check(
    SHIP,
    async () => {
      const { order } = await api("GET", `/admin/orders/${medusaOrderId}?fields=id,*items`)
      const items = order.items.map((i) => ({ id: i.id, quantity: i.quantity }))
      const { order: fulfilled } = await api("POST", `/admin/orders/${medusaOrderId}/fulfillments?fields=id,*fulfillments`, { items })
      const fulfillmentId = fulfilled.fulfillments[fulfilled.fulfillments.length - 1].id
      const tracking = "1Z999AA10123456784"
      await api("POST", `/admin/orders/${medusaOrderId}/fulfillments/${fulfillmentId}/shipments`, {
        items,
        labels: [{ tracking_number: tracking, tracking_url: "#", label_url: "#" }],
      })

      await waitUntil("the shipment reaching AliExpress", async () => {
        const state = await sandbox("GET", "/__sandbox/state")
        const o = state.orders.find((x) => String(x.order_id) === aeOrderId)
        return { done: !!o && o.shipments.some((s) => s.logistics_no === tracking), value: o }
      }, 90000)
      await goto(`/orders/${medusaOrderId}`)
      const widget = page.getByTestId("aliexpress-order-widget")
      await widget.waitFor({ timeout: 60000 })
      await waitForText("Pushed", { timeout: 60000 })
      await widget.scrollIntoViewIfNeeded()
      await shot("12-order-widget-pushed")
      await goto("/aliexpress/orders")
      await page.getByTestId(`ae-order-${aeOrderId}`).filter({ hasText: "Pushed" }).waitFor({ timeout: 30000 })
      await shot("13-orders-pushed")
    },
    [ORDER]
  )

  await check(
    "a shipment of the whole order is pushed as send_type all",
    async () => {
      const state = await sandbox("GET", "/__sandbox/state")
      const o = state.orders.find((x) => String(x.order_id) === aeOrderId)
      const sent = (o?.shipments ?? []).map((s) => s.send_type)
      if (sent.join() !== "all") throw new Error(`AliExpress got send_type ${JSON.stringify(sent)} (order status ${o?.status}) for a fully shipped order`)
    },
    [SHIP]
  )

  await check(
    "the source picker offers the catalogue's attributes with example values",
    async () => {
      await goto("/aliexpress/mapping")
      const trigger = page.getByTestId("attr-subject")
      await trigger.waitFor({ timeout: SHORT })
      await trigger.filter({ hasText: "Title" }).waitFor({ timeout: SHORT })
      await trigger.click()
      const picker = page.getByTestId("source-picker")
      await picker.waitFor({ timeout: SHORT })
      // Metadata keys come from the products themselves, each with their values.
      await picker.getByTestId("source-search").fill("brand")
      const brand = picker.getByTestId("source-option-metadata.brand")
      await brand.waitFor({ timeout: SHORT })
      const examples = await brand.getByTestId("source-examples").innerText()
      if (!/Acme/.test(examples)) throw new Error(`metadata.brand shows no example from the catalogue: ${examples}`)
      await shot("18-source-picker-examples")
      await picker.getByTestId("source-search").fill("color")
      const color = picker.getByTestId("source-option-variant.option.Color")
      await color.waitFor({ timeout: SHORT })
      if (!/Red|Blue/.test(await color.innerText())) throw new Error("the Color option shows no example value")
      await picker.getByTestId("source-search").fill("brand")
      await brand.click()
      await page.getByTestId("attr-subject").filter({ hasText: "Metadata: brand" }).waitFor({ timeout: SHORT })
      if ((await page.getByTestId("attr-subject").getAttribute("data-path")) !== "metadata.brand") throw new Error("picking did not set the path")
    },
    [MAPPING]
  )

  await check(
    "a lookup list takes AliExpress categories from the category tree, with their names",
    async () => {
      await goto("/aliexpress/lookup-lists")
      await page.getByTestId("new-lookup").click()
      await page.getByTestId("lookup-name").fill("tee categories")
      await page.getByTestId("lookup-from-0").fill("tees")
      await page.getByTestId("lookup-pick-category-0").click()
      const picker = page.getByTestId("lookup-category-picker-0")
      await picker.getByTestId("category-200000297").click()
      await picker.getByTestId("category-200000343").click()
      await picker.getByTestId("category-200000346").click()
      if ((await page.getByTestId("lookup-to-0").inputValue()) !== "200000346") throw new Error("the picked category id is not in the row")
      const name = await page.getByTestId("lookup-to-name-0").innerText()
      if (!name.trim() || /^\d+$/.test(name.trim())) throw new Error(`no category name next to the id: "${name}"`)
      await shot("19-lookup-category-picked")
      await page.getByTestId("lookup-save").click()
      await page.getByTestId("lookup-row-tee categories").waitFor({ timeout: SHORT })
      const { lookup_lists } = await api("GET", "/admin/aliexpress/lookup-lists")
      const list = lookup_lists.find((l) => l.name === "tee categories")
      if (!list?.entries.some((e) => e.from === "tees" && e.to === "200000346")) throw new Error("the picked category was not saved")
    },
    [CONNECT]
  )

  await check(
    "order statuses and carriers read in plain English, with the code on hover, and no ship-by once shipped",
    async () => {
      await goto("/aliexpress/orders")
      const status = page.getByTestId(`ae-status-${aeOrderId}`)
      await status.waitFor({ timeout: SHORT })
      const code = await status.getAttribute("data-code")
      const label = await status.innerText()
      if (!/^[A-Z_]+$/.test(code ?? "")) throw new Error(`no AliExpress code behind the label (${code})`)
      if (label === code || /_/.test(label)) throw new Error(`the status shows the code "${label}"`)
      await status.hover()
      await page.getByRole("tooltip").filter({ hasText: code }).first().waitFor({ timeout: SHORT })
      await shot("20-orders-plain-status")
      await page.getByTestId(`ae-order-${aeOrderId}`).click()
      const drawer = page.getByTestId("order-drawer")
      await drawer.waitFor({ timeout: SHORT })
      const drawerStatus = await drawer.getByTestId("drawer-ae-status").innerText()
      if (/_/.test(drawerStatus)) throw new Error(`the drawer shows the code "${drawerStatus}"`)
      if (await drawer.getByTestId("drawer-ship-by").isVisible().catch(() => false)) throw new Error("the shipped order still shows its ship-by deadline")
      const carriers = drawer.getByTestId("shipment-list").locator("[data-code]")
      if ((await carriers.count()) < 1) throw new Error("the shipment's carrier has no label")
      const carrier = await carriers.first().innerText()
      if (/_/.test(carrier)) throw new Error(`the carrier shows its code "${carrier}"`)
      await shot("21-order-drawer-plain")
    },
    [SHIP]
  )

  await check(
    "the overview charts 30 days of real activity",
    async () => {
      const { activity } = await api("GET", "/admin/aliexpress/activity")
      if (activity.totals.orders_imported < 1 || activity.totals.listings_posted < 1 || activity.totals.shipments_pushed < 1) {
        throw new Error(`the counters miss what happened: ${JSON.stringify(activity.totals)}`)
      }
      await goto("/aliexpress")
      const charts = page.getByTestId("activity-charts")
      await charts.waitFor({ timeout: SHORT })
      for (const [id, kind] of [["orders", "orders_imported"], ["listings", "listings_posted"], ["shipments", "shipments_pushed"]]) {
        const chart = page.getByTestId(`activity-chart-${id}`)
        await chart.locator(".recharts-bar-rectangle path").first().waitFor({ timeout: SHORT })
        const total = await chart.getByTestId(`activity-total-${kind}`).innerText()
        if (!total.includes(String(activity.totals[kind]))) throw new Error(`the ${id} chart shows "${total}", the counters ${activity.totals[kind]}`)
      }
      await charts.scrollIntoViewIfNeeded()
      await shot("22-overview-activity-charts")
    },
    [SHIP, LIVE]
  )

  await check(
    "upload a tracking CSV for a second order and see it shipped",
    async () => {
      const created = await sandbox("POST", "/__sandbox/orders", { items: [{ sku_code: seed.goodSku, quantity: 1 }], ...US_BUYER })
      const second = String(created.order_id)
      await api("POST", "/admin/aliexpress/orders/import", {})
      await goto("/aliexpress/orders")
      await page.getByTestId(`ae-order-${second}`).filter({ hasText: "Imported" }).waitFor({ timeout: 60000 })
      const tracking = "1Z999AA10123456799"
      await page.getByTestId("tracking-csv").setInputFiles({
        name: "tracking.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`order_id,carrier,tracking_number\n${second},UPS,${tracking}\n99999,UPS,bad number!\n`),
      })
      const result = page.getByTestId("tracking-result")
      await result.getByText(`order ${second} shipped`).waitFor({ timeout: 60000 })
      await result.getByText(/Line 3: .*not shipped/).waitFor({ timeout: SHORT })
      await shot("14-tracking-upload")
      await waitUntil("the uploaded tracking number reaching AliExpress", async () => {
        const state = await sandbox("GET", "/__sandbox/state")
        const o = state.orders.find((x) => String(x.order_id) === second)
        return { done: !!o && o.shipments.some((x) => x.logistics_no === tracking && x.service_name === "UPS"), value: o }
      }, 60000)
    },
    [ORDER]
  )

  await check(
    "a broken connection shows a red banner, and reconnecting clears it",
    async () => {
      // Both tokens lapse on AliExpress' side; the next call that needs them finds out.
      await sandbox("POST", "/__sandbox/clock", { advance_ms: 5 * 24 * 3600 * 1000 })
      const { product } = await api("GET", `/admin/products/${seed.goodProductId}?fields=id,variants.id,variants.sku`)
      const variant = product.variants.find((v) => v.sku === seed.goodSku) ?? product.variants[0]
      await api("POST", `/admin/products/${seed.goodProductId}/variants/${variant.id}`, { prices: [{ currency_code: "usd", amount: 24.99 }] })
      // The price change alone usually sends the update; the sync asks again in case it did not yet.
      await api("POST", "/admin/aliexpress/sync", { product_ids: [seed.goodProductId] }).catch(() => {})
      await waitUntil("the account being marked for reconnection", async () => {
        const { settings } = await api("GET", "/admin/aliexpress/settings")
        return { done: settings.status === "reconnect_needed", value: { status: settings.status, reason: settings.status_reason } }
      }, 90000)

      await goto("/aliexpress")
      const banner = page.getByTestId("connection-banner")
      await banner.getByText("The AliExpress connection stopped working").waitFor({ timeout: SHORT })
      await shot("17-overview-reconnect-needed")
      await banner.getByRole("button", { name: "Open settings and reconnect" }).click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/settings"), { timeout: SHORT })
      await page.getByTestId("connect-button").click()
      await page.locator("#authorize").waitFor({ timeout: SHORT })
      await page.locator("#authorize").click()
      await page.waitForURL((u) => u.pathname.endsWith("/aliexpress/settings"), { timeout: SHORT })
      await page.getByTestId("connection-status").filter({ hasText: "Connected" }).waitFor({ timeout: SHORT })
      await goto("/aliexpress")
      await page.getByTestId("listing-chart").waitFor({ timeout: SHORT })
      if (await page.getByTestId("connection-banner").isVisible().catch(() => false)) {
        throw new Error("the banner is still shown after reconnecting")
      }
    },
    [LIVE]
  )

  await check(
    "lookup lists and settings screens render",
    async () => {
      await goto("/aliexpress/lookup-lists")
      await page.getByTestId("new-lookup").click()
      await page.getByTestId("lookup-name").fill("colors")
      await page.getByTestId("lookup-from-0").fill("Red")
      await page.getByTestId("lookup-to-0").fill("Crimson")
      await page.getByTestId("lookup-save").click()
      await page.getByTestId("lookup-row-colors").waitFor({ timeout: SHORT })
      await shot("15-lookup-lists")
      await goto("/aliexpress/settings")
      await page.getByText("Carrier mapping").first().waitFor({ timeout: SHORT })
      const callback = await page.getByTestId("callback-url").inputValue()
      if (callback !== `${new URL(page.url()).origin}/admin/aliexpress/oauth/callback`) {
        throw new Error(`the settings page shows ${callback} as the callback URL to register`)
      }
      await shot("16-settings")
    },
    [CONNECT]
  )

  await check(
    "product text with markup shows as inert text in the Products screen and the product widget",
    async () => {
      const payload = "<img src=x onerror=window.__xss=1>"
      const { product } = await api("POST", "/admin/products", {
        title: `XSS Tee ${payload}`,
        status: "published",
        description: `<p>Tee</p>${payload}<script>window.__xss=2</script>`,
        shipping_profile_id: seed.shippingProfileId,
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", sku: "XSS-TEE-M", options: { Size: "M" }, manage_inventory: false, prices: [{ amount: 10, currency_code: "usd" }] }],
        sales_channels: [{ id: seed.salesChannelId }],
      })
      // No weight: the listing is invalid, so its problems are on screen next to the title.
      await api("POST", "/admin/aliexpress/sync", { product_ids: [product.id] })
      await waitUntil("the listing with its problems", async () => {
        const listing = await listingOf(product.id)
        return { done: !!listing && listing.problem_count > 0, value: listing && listing.status }
      }, 60000)
      await goto("/aliexpress/products?q=xss")
      await page.getByText(`XSS Tee ${payload}`, { exact: false }).first().waitFor({ timeout: SHORT })
      await page.getByTestId(`listing-row-${product.id}`).click()
      await page.getByTestId("listing-drawer").getByText("How to fix:").first().waitFor({ timeout: SHORT })
      // A full navigation resets window: look on each screen before leaving it.
      const inert = async (where) => {
        await page.waitForTimeout(1000)
        const fired = await page.evaluate(() => window.__xss)
        if (fired !== undefined) throw new Error(`markup from product text ran in ${where} (window.__xss = ${fired})`)
      }
      await inert("the Products screen")
      await goto(`/products/${product.id}`)
      await page.getByTestId("aliexpress-product-widget").waitFor({ timeout: SHORT })
      await page.getByText(`XSS Tee ${payload}`, { exact: false }).first().waitFor({ timeout: SHORT })
      await inert("the product page")
      await shot("17-xss-inert")
    },
    [CONNECT]
  )
}

module.exports = { run }
