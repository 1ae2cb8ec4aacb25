import { Text } from "@medusajs/ui"
import type { SyncProgress } from "../lib/types"

/** done/total of a running sync, from the account's sync_progress. */
export const SyncProgressBar = ({ progress }: { progress: SyncProgress }) => {
  if (!progress || !progress.total) {
    return null
  }
  const done = Math.min(progress.done ?? 0, progress.total)
  const pct = Math.round((done / progress.total) * 100)
  const running = progress.state === "running"
  return (
    <div className="flex flex-col gap-y-1" data-testid="sync-progress">
      <div className="flex justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          {running ? "Syncing" : "Last sync"}: {done} of {progress.total} products
          {progress.failed ? `, ${progress.failed} failed` : ""}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {pct}%
        </Text>
      </div>
      <div className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full">
        <div
          className={running ? "bg-ui-fg-interactive h-full transition-all" : "bg-ui-tag-green-icon h-full"}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  )
}
