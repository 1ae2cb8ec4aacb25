import { Badge, Select, Table, Text } from "@medusajs/ui"
import type { AttributeReport, MatchKind } from "../../hooks/mapping"

const KIND: Record<MatchKind, { label: string; color: "green" | "blue" | "orange" | "red" | "grey" }> = {
  exact: { label: "Exact", color: "green" },
  spacing: { label: "Case/spacing", color: "green" },
  lookup: { label: "Value list", color: "blue" },
  id: { label: "Value id", color: "blue" },
  country: { label: "Country code", color: "blue" },
  other: { label: "Other + text", color: "orange" },
  text: { label: "Free text", color: "grey" },
  none: { label: "No match", color: "red" },
}

/**
 * The catalogue's values of one attribute and how each matches: picking an AliExpress value for a
 * row saves it in the attribute's value list (the merchant value -> AliExpress value id).
 */
export const ValueMatchTable = ({
  report,
  onMatch,
  saving,
}: {
  report: AttributeReport
  onMatch: (input: string, valueId: string) => void
  saving?: boolean
}) => {
  if (!report.values.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No product in this category has a value for {report.name} yet.
      </Text>
    )
  }
  const slug = report.name.replace(/\s+/g, "-")
  return (
    <Table data-testid={`value-matches-${slug}`}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Your value</Table.HeaderCell>
          <Table.HeaderCell>Match</Table.HeaderCell>
          <Table.HeaderCell>AliExpress value</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Products</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {report.values.map((row) => (
          <Table.Row key={`${row.kind}:${row.input}`} data-testid={`value-row-${slug}-${row.input}`}>
            <Table.Cell>{row.input}</Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={KIND[row.kind].color} data-testid="value-kind">
                {KIND[row.kind].label}
              </Badge>
            </Table.Cell>
            <Table.Cell>
              {report.accepted.length ? (
                <Select
                  size="small"
                  value={row.kind !== "other" && row.kind !== "none" ? row.value_id : undefined}
                  onValueChange={(id) => onMatch(row.input, id)}
                  disabled={saving}
                >
                  <Select.Trigger className="w-48" data-testid="value-select">
                    <Select.Value placeholder={row.kind === "other" ? `Other: "${row.input}"` : "Pick a value"} />
                  </Select.Trigger>
                  <Select.Content>
                    {report.accepted.map((v) => (
                      <Select.Item key={v.id} value={v.id}>
                        {v.name}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              ) : (
                <Text size="small">{row.input}</Text>
              )}
            </Table.Cell>
            <Table.Cell className="text-right">{row.products}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
