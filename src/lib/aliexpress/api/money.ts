import type { Money } from "../types"

type MoneyPayload = string | { amount?: string; currency_code?: string; currency?: string } | undefined

export function toMoney(value: MoneyPayload): Money | undefined {
  if (value === undefined) {
    return undefined
  }
  if (typeof value === "string") {
    return { amount: value }
  }
  if (value.amount === undefined) {
    return undefined
  }
  return { amount: value.amount, currency: value.currency_code ?? value.currency }
}
