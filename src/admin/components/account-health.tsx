import { ExclamationCircle, XCircle } from "@medusajs/icons"
import { Button, Text, toast } from "@medusajs/ui"
import { useImportOrdersNow, useRetryShipmentPushes, useSyncNow } from "../hooks/actions"
import { toastError } from "../lib/errors"
import { formatDateTime, formatRelative } from "../lib/format"
import type { AccountHealth, JobHealth } from "../lib/types"

type JobKey = "order_import" | "listing_sync" | "shipment_push"

const JOBS: { key: JobKey; label: string }[] = [
  { key: "order_import", label: "Order import" },
  { key: "listing_sync", label: "Product sync" },
  { key: "shipment_push", label: "Shipment push" },
]

const CONDITIONS: { key: "token_expiry" | "listing_review"; label: string }[] = [
  { key: "token_expiry", label: "Authorization" },
  { key: "listing_review", label: "AliExpress review" },
]

const failingSince = (h: JobHealth) =>
  `${h.consecutive_failures} failed attempt${h.consecutive_failures === 1 ? "" : "s"} in a row` +
  (h.last_success_at ? `, last success ${formatRelative(h.last_success_at)}` : ", no success yet")

/**
 * The Account panel's alarm: each job that is failing, with AliExpress' reason and a Retry that
 * runs the job now (through the same routes as "Import orders now" and "Sync now"), and the
 * conditions worth acting on (authorization running out, listings rejected).
 */
export const AccountHealthAlerts = ({ health }: { health?: AccountHealth }) => {
  const importNow = useImportOrdersNow()
  const sync = useSyncNow()
  const shipments = useRetryShipmentPushes()
  if (!health || (health.state !== "warning" && health.state !== "error")) {
    return null
  }
  const retry: Record<JobKey, { run: () => Promise<unknown>; pending: boolean; done: string }> = {
    order_import: { run: () => importNow.mutateAsync(), pending: importNow.isPending, done: "Order import ran" },
    listing_sync: { run: () => sync.mutateAsync({}), pending: sync.isPending, done: "Sync started" },
    shipment_push: { run: () => shipments.mutateAsync(), pending: shipments.isPending, done: "Shipments sent again" },
  }
  const onRetry = async (key: JobKey) => {
    try {
      await retry[key].run()
      toast.success(retry[key].done)
    } catch (e) {
      toastError(e)
    }
  }
  const failing = JOBS.filter((j) => health[j.key].state === "warning" || health[j.key].state === "error")
  const flagged = CONDITIONS.filter((c) => health[c.key].state === "warning")
  return (
    <div className="flex flex-col gap-y-2" data-testid="account-health-alerts" data-state={health.state}>
      {failing.map(({ key, label }) => {
        const h = health[key]
        const error = h.state === "error"
        return (
          <div
            key={key}
            data-testid={`health-${key}`}
            data-state={h.state}
            className={`flex items-start gap-x-2 rounded-md border px-3 py-2 ${error ? "border-ui-tag-red-border bg-ui-tag-red-bg" : "border-ui-tag-orange-border bg-ui-tag-orange-bg"}`}
          >
            <span className={error ? "text-ui-tag-red-icon" : "text-ui-tag-orange-icon"}>{error ? <XCircle /> : <ExclamationCircle />}</span>
            <div className="flex min-w-0 flex-1 flex-col">
              <Text size="small" weight="plus">
                {label} {error ? "is failing" : "failed"}
              </Text>
              <Text size="small" className="break-words" title={h.last_failure_at ? formatDateTime(h.last_failure_at) : undefined}>
                {h.last_failure_reason}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {failingSince(h)}
              </Text>
            </div>
            <Button size="small" variant="secondary" onClick={() => onRetry(key)} isLoading={retry[key].pending} data-testid={`retry-${key}`}>
              Retry
            </Button>
          </div>
        )
      })}
      {flagged.map(({ key, label }) => (
        <div key={key} data-testid={`health-${key}`} data-state="warning" className="border-ui-tag-orange-border bg-ui-tag-orange-bg flex items-start gap-x-2 rounded-md border px-3 py-2">
          <span className="text-ui-tag-orange-icon">
            <ExclamationCircle />
          </span>
          <div className="flex min-w-0 flex-col">
            <Text size="small" weight="plus">
              {label}
            </Text>
            <Text size="small" className="break-words">
              {health[key].last_failure_reason}
            </Text>
          </div>
        </div>
      ))}
    </div>
  )
}
