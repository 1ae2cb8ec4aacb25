import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LISTING_STATUS_META } from "./status-badges"
import { useAccountPath } from "../hooks/accounts"

const ORDER = ["live", "auditing", "pending", "draft", "invalid", "rejected", "error", "offline", "unknown"]

/** Listings by status as one stacked bar plus a legend whose counts open the filtered Products screen. */
export const ListingStatusChart = ({ counts, withProblems }: { counts: Record<string, number>; withProblems: number }) => {
  const linkTo = useAccountPath()
  const total = ORDER.reduce((sum, s) => sum + (counts[s] ?? 0), 0)
  return (
    <div className="flex flex-col gap-y-4" data-testid="listing-chart">
      <div className="bg-ui-bg-component flex h-6 w-full overflow-hidden rounded-md" role="img" aria-label="Listings by status">
        {total === 0 ? (
          <div className="h-full w-full" />
        ) : (
          ORDER.filter((s) => counts[s]).map((s) => (
            <Link
              key={s}
              to={linkTo(`/aliexpress/products?status=${s}`)}
              className={`${LISTING_STATUS_META[s].bar} h-full transition-opacity hover:opacity-80`}
              style={{ width: `${(counts[s] / total) * 100}%` }}
              title={`${LISTING_STATUS_META[s].label}: ${counts[s]}`}
            />
          ))
        )}
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {ORDER.map((s) => (
          <Link
            key={s}
            to={linkTo(`/aliexpress/products?status=${s}`)}
            className="hover:bg-ui-bg-base-hover flex items-center gap-x-2 rounded-md px-2 py-1"
            data-testid={`chart-${s}`}
          >
            <span className={`${LISTING_STATUS_META[s].bar} inline-block h-2.5 w-2.5 rounded-sm`} />
            <Text size="small" className="text-ui-fg-subtle">
              {LISTING_STATUS_META[s].label}
            </Text>
            <Text size="small" weight="plus" className="ml-auto">
              {counts[s] ?? 0}
            </Text>
          </Link>
        ))}
      </div>
      <Link to={linkTo("/aliexpress/products?has_problems=true")} className="text-ui-fg-interactive txt-compact-small">
        {withProblems} product{withProblems === 1 ? "" : "s"} with problems →
      </Link>
    </div>
  )
}
