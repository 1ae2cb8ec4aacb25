import { Text } from "@medusajs/ui"
import { formatRelative } from "../lib/format"
import type { SyncProgress } from "../lib/types"

/** done/total of the listing sync, from the account's sync_progress (polled while it runs). */
export const SyncProgressBar = ({ progress }: { progress: SyncProgress }) => {
  if (!progress || !progress.total) {
    return null
  }
  const done = Math.min(progress.done ?? 0, progress.total)
  const pct = Math.round((done / progress.total) * 100)
  const running = progress.state === "running"
  const failed = progress.state === "failed"
  const detail = [
    progress.posted ? `${progress.posted} posted` : null,
    progress.edited ? `${progress.edited} updated` : null,
    progress.invalid ? `${progress.invalid} need fixes` : null,
    progress.offline ? `${progress.offline} taken offline` : null,
    progress.repriced ? `${progress.repriced} repriced` : null,
    progress.unchanged ? `${progress.unchanged} unchanged` : null,
  ].filter(Boolean)
  return (
    <div className="flex flex-col gap-y-1" data-testid="sync-progress">
      <div className="flex justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          {running ? "Syncing" : failed ? "Sync failed" : "Last sync"}: {done} of {progress.total} products
          {detail.length ? ` (${detail.join(", ")})` : ""}
          {!running && progress.finished_at ? `, ${formatRelative(progress.finished_at)}` : ""}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {pct}%
        </Text>
      </div>
      <div className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full">
        <div
          className={`${failed ? "bg-ui-fg-error" : running ? "bg-ui-fg-interactive" : "bg-ui-tag-green-icon"} h-full transition-all`}
          style={{ width: `${pct}%` }}
        />
      </div>
      {failed && progress.last_error && (
        <Text size="small" className="text-ui-fg-error">
          {progress.last_error}
        </Text>
      )}
    </div>
  )
}
