import type { ReactNode } from "react"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useLocation, useNavigate } from "react-router-dom"
import { AccountSwitcher } from "./account-switcher"
import { UnknownAccountAlert } from "./unknown-account-alert"
import { useAccountPath } from "../hooks/accounts"

const SECTIONS = [
  { to: "/aliexpress", label: "Overview" },
  { to: "/aliexpress/products", label: "Products" },
  { to: "/aliexpress/orders", label: "Orders" },
  { to: "/aliexpress/mapping", label: "Mapping template" },
  { to: "/aliexpress/lookup-lists", label: "Lookup lists" },
  { to: "/aliexpress/settings", label: "Settings" },
  { to: "/aliexpress/accounts", label: "Accounts" },
]

/**
 * Shared header, account switcher and section tabs, so every AliExpress screen is one click from
 * the others, on the same seller account.
 */
export const AliExpressPage = ({
  title,
  description,
  actions,
  children,
}: {
  title: string
  description?: string
  actions?: ReactNode
  children: ReactNode
}) => {
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const linkTo = useAccountPath()
  const current =
    [...SECTIONS].sort((a, b) => b.to.length - a.to.length).find((s) => pathname.endsWith(s.to) || pathname.includes(`${s.to}/`))?.to ??
    "/aliexpress"

  return (
    <div className="flex flex-col gap-y-3" data-testid="aliexpress-page">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h1">{title}</Heading>
            {description && (
              <Text size="small" className="text-ui-fg-subtle">
                {description}
              </Text>
            )}
          </div>
          <div className="flex flex-wrap items-center justify-end gap-2">
            <AccountSwitcher />
            {actions}
          </div>
        </div>
        <Tabs value={current} onValueChange={(to) => navigate(linkTo(to))}>
          <Tabs.List>
            {SECTIONS.map((s) => (
              <Tabs.Trigger key={s.to} value={s.to}>
                {s.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </Container>
      <UnknownAccountAlert />
      {children}
    </div>
  )
}
