import { Badge, Text } from "@medusajs/ui"
import type { Problem } from "../lib/types"
import { problemFieldLabel } from "../../lib/labels"
import { CodeLabel } from "./status-badges"

/** Field, message and how to fix it; always rendered as text, never as HTML. */
export const ProblemsList = ({ problems }: { problems: Problem[] }) => {
  if (!problems.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No problems.
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-2" data-testid="problems-list">
      {problems.map((p, i) => (
        <li key={`${p.field}-${i}`} className="rounded-md border border-ui-border-base p-3">
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus" asChild>
              <span data-testid="problem-field">
                <CodeLabel label={problemFieldLabel(p.field)} code={p.field} />
              </span>
            </Text>
            {p.origin && (
              <Badge size="2xsmall" color={p.origin === "marketplace" ? "red" : "orange"}>
                {p.origin === "marketplace" ? "AliExpress" : "Mapping"}
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-base">
            {p.message}
          </Text>
          {p.hint && (
            <Text size="small" className="text-ui-fg-subtle">
              How to fix: {p.hint}
            </Text>
          )}
        </li>
      ))}
    </ul>
  )
}
