import { asValue } from "@medusajs/framework/awilix"
import { createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { HealthReporter } from "../../../src/runners/health"

/**
 * The reporter in a Medusa container as an app without (or with a broken) notification module
 * has it: the alert is recorded, one warning says why the bell cannot ring, nothing throws.
 * The module's own health store is proven on PostgreSQL in the module spec; here it stands in
 * as the transition it returns.
 */
function containerWith(notification?: unknown, accounts?: Array<{ id: string; name: string }>) {
  const lines: { level: string; message: string }[] = []
  const container = createMedusaContainer()
  const logger = Object.fromEntries(["debug", "info", "warn", "error"].map((level) => [level, (message: string) => lines.push({ level, message })]))
  let opened = true
  container.register({
    logger: asValue(logger),
    aliexpress: asValue({
      recordHealth: async () => {
        const transition = opened ? "opened" : "recovered"
        opened = !opened
        return { transition, record: { last_failure_reason: "AliExpress answered 15: down", incident_started_at: new Date(0) } }
      },
      ...(accounts ? { listAliExpressAccounts: async () => accounts } : {}),
    }),
  })
  if (notification) {
    container.register(Modules.NOTIFICATION, asValue(notification))
  }
  return { container, lines }
}

describe("health reporter and the notification bell", () => {
  it("carries on without a notification module, logging why once", async () => {
    const { container, lines } = containerWith()
    const reporter = new HealthReporter()
    await expect(reporter.report(container as any, "aeacc_1", "order_import", { ok: false, reason: "down" })).resolves.toBe("opened")
    await expect(reporter.report(container as any, "aeacc_1", "order_import", { ok: true })).resolves.toBe("recovered")
    await reporter.report(container as any, "aeacc_1", "shipment_push", { ok: false, reason: "down" })
    const bell = lines.filter((l) => /notification bell/.test(l.message))
    expect(bell).toHaveLength(1)
    expect(bell[0]).toMatchObject({ level: "warn", message: expect.stringMatching(/no notification module/) })
    // One line per incident and per recovery.
    expect(lines.filter((l) => /order import (is failing|works again)/.test(l.message)).map((l) => l.level)).toEqual(["warn", "info"])
  })

  it("sends the admin-ui feed notice with an idempotency key per incident, and survives a provider-less module", async () => {
    const sent: any[] = []
    const { container } = containerWith({ createNotifications: async (n: any) => void sent.push(n) })
    await new HealthReporter().report(container as any, "aeacc_1", "order_import", { ok: false, reason: "down" })
    expect(sent).toEqual([
      {
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: { title: "AliExpress order import is failing", description: expect.stringContaining("AliExpress answered 15: down") },
        idempotency_key: "aliexpress:aeacc_1:order_import:opened:1970-01-01T00:00:00.000Z",
      },
    ])

    const broken = containerWith({
      createNotifications: async () => {
        throw new Error('Could not find a notification provider for channel: feed')
      },
    })
    const reporter = new HealthReporter()
    await expect(reporter.report(broken.container as any, "aeacc_1", "order_import", { ok: false, reason: "down" })).resolves.toBe("opened")
    await reporter.report(broken.container as any, "aeacc_1", "order_import", { ok: true })
    expect(broken.lines.filter((l) => /notification bell/.test(l.message))).toHaveLength(1)
  })

  it("names the account in the bell when the store has several", async () => {
    const sent: any[] = []
    const accounts = [
      { id: "aeacc_1", name: "Main store" },
      { id: "aeacc_2", name: "Outlet" },
    ]
    const { container } = containerWith({ createNotifications: async (n: any) => void sent.push(n) }, accounts)
    await new HealthReporter().report(container as any, "aeacc_2", "order_import", { ok: false, reason: "down" })
    expect(sent.map((n) => n.data.title)).toEqual(["AliExpress order import is failing (Outlet)"])

    const single = containerWith({ createNotifications: async (n: any) => void sent.push(n) }, accounts.slice(0, 1))
    await new HealthReporter().report(single.container as any, "aeacc_1", "order_import", { ok: false, reason: "down" })
    expect(sent[1].data.title).toBe("AliExpress order import is failing")
  })
})
