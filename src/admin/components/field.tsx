import type { ReactNode } from "react"
import { Label, Text } from "@medusajs/ui"

/** A labelled form field; required fields carry a red asterisk, every field a help text. */
export const Field = ({
  id,
  label,
  required,
  help,
  error,
  children,
}: {
  id?: string
  label: string
  required?: boolean
  help?: ReactNode
  error?: string | null
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {required && (
        <span className="text-ui-fg-error ml-0.5" aria-label="required">
          *
        </span>
      )}
    </Label>
    {children}
    {help && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {help}
      </Text>
    )}
    {error && (
      <Text size="xsmall" className="text-ui-fg-error">
        {error}
      </Text>
    )}
  </div>
)
