import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { useActivity } from "../hooks/activity"
import type { ActivityDay, ActivityKind } from "../../lib/activity/daily-activity"

// @medusajs/ui's own colour tokens, so the charts follow the dashboard's light and dark themes.
const COLORS = {
  green: "var(--tag-green-icon)",
  blue: "var(--tag-blue-icon)",
  purple: "var(--tag-purple-icon)",
  red: "var(--tag-red-icon)",
  grid: "var(--border-base)",
  axis: "var(--fg-muted)",
}

type Series = { kind: ActivityKind; label: string; color: string }

const CHARTS: { id: string; title: string; series: Series[] }[] = [
  { id: "orders", title: "Orders imported", series: [{ kind: "orders_imported", label: "Imported", color: COLORS.blue }] },
  {
    id: "listings",
    title: "Listing sync results",
    series: [
      { kind: "listings_posted", label: "Posted", color: COLORS.green },
      { kind: "listings_updated", label: "Updated", color: COLORS.purple },
      { kind: "listings_failed", label: "Failed", color: COLORS.red },
    ],
  },
  {
    id: "shipments",
    title: "Shipment pushes",
    series: [
      { kind: "shipments_pushed", label: "Pushed", color: COLORS.green },
      { kind: "shipments_failed", label: "Failed", color: COLORS.red },
    ],
  },
]

/** "Nov 29" from "2026-11-29", read as a UTC day (the counters' day). */
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" })

const ChartTooltip = ({ active, payload, label }: any) =>
  active && payload?.length ? (
    <div className="bg-ui-bg-base shadow-elevation-tooltip rounded-md px-3 py-2">
      <Text size="xsmall" weight="plus">
        {shortDay(label)}
      </Text>
      {payload.map((p: any) => (
        <Text key={p.dataKey} size="xsmall" className="text-ui-fg-subtle flex items-center gap-x-1.5">
          <span className="inline-block h-2 w-2 rounded-sm" style={{ background: p.color }} />
          {p.name}: {p.value}
        </Text>
      ))}
    </div>
  ) : null

const Chart = ({ title, id, series, data, totals }: { title: string; id: string; series: Series[]; data: ActivityDay[]; totals: Record<ActivityKind, number> }) => (
  <div className="flex min-w-0 flex-col gap-y-2" data-testid={`activity-chart-${id}`}>
    <div className="flex flex-wrap items-baseline justify-between gap-x-3">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <div className="flex flex-wrap gap-x-3">
        {series.map((s) => (
          <Text key={s.kind} size="xsmall" className={`flex items-center gap-x-1 whitespace-nowrap ${s.kind.endsWith("failed") && totals[s.kind] ? "text-ui-fg-error" : "text-ui-fg-subtle"}`} data-testid={`activity-total-${s.kind}`}>
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: s.color }} />
            {s.label} {totals[s.kind]}
          </Text>
        ))}
      </div>
    </div>
    <div className="h-40 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fill: COLORS.axis, fontSize: 11 }} tickLine={false} axisLine={{ stroke: COLORS.grid }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fill: COLORS.axis, fontSize: 11 }} tickLine={false} axisLine={false} width={48} />
          <Tooltip content={<ChartTooltip />} cursor={{ fill: "var(--bg-base-hover)" }} />
          {series.map((s, i) => (
            <Bar key={s.kind} dataKey={s.kind} name={s.label} stackId="day" fill={s.color} radius={i === series.length - 1 ? [2, 2, 0, 0] : 0} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  </div>
)

/** Thirty days of activity as three small bar charts: orders, listing results, shipment pushes (failures in red). */
export const ActivityCharts = () => {
  const { data, isPending, isError } = useActivity(30)
  const activity = data?.activity
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="activity-charts">
      <div className="flex items-center justify-between">
        <Heading level="h2">Last 30 days</Heading>
        {activity && (
          <Text size="small" className="text-ui-fg-subtle">
            {shortDay(activity.from)} – {shortDay(activity.to)} (UTC days)
          </Text>
        )}
      </div>
      {isPending ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          {CHARTS.map((c) => (
            <Skeleton key={c.id} className="h-48 w-full" />
          ))}
        </div>
      ) : isError || !activity ? (
        <Text size="small" className="text-ui-fg-subtle">
          The activity could not be loaded; it shows again on the next refresh.
        </Text>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          {CHARTS.map((c) => (
            <Chart key={c.id} {...c} data={activity.series} totals={activity.totals} />
          ))}
        </div>
      )}
    </Container>
  )
}
