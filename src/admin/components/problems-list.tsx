import { Badge, Text } from "@medusajs/ui"
import type { Problem } from "../lib/types"
import { FIELD_DEFINITIONS } from "../../lib/mapping/field-definitions"

const LABELS: Record<string, string> = Object.fromEntries(FIELD_DEFINITIONS.map((d) => [d.key, d.label]))

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
            <Text size="small" weight="plus">
              {LABELS[p.field] ?? p.field}
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
