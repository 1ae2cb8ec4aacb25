import type { ReactNode } from "react"
import { Text } from "@medusajs/ui"

/** Says what is missing and what to do next, instead of an empty table. */
export const EmptyState = ({ title, next, action }: { title: string; next: string; action?: ReactNode }) => (
  <div className="flex flex-col items-center justify-center gap-y-2 px-6 py-10 text-center" data-testid="empty-state">
    <Text weight="plus">{title}</Text>
    <Text size="small" className="text-ui-fg-subtle max-w-md">
      {next}
    </Text>
    {action}
  </div>
)
