import { Text } from "@medusajs/ui"
import { readablePayload } from "../../../lib/mapping/readable-payload"

/** The payload as the merchant reads it: labelled fields, the pictures as thumbnails, the SKUs. */
export const ReadablePayloadView = ({ payload }: { payload: Record<string, unknown> | null }) => {
  const view = readablePayload(payload)
  if (!payload) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        No payload could be built.
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="preview-readable">
      {!!view.images.length && (
        <div className="flex flex-wrap gap-2" data-testid="preview-images">
          {view.images.map((url) => (
            <a key={url} href={url} target="_blank" rel="noreferrer" title={url}>
              <img src={url} alt="" className="border-ui-border-base h-16 w-16 rounded-md border object-cover" />
            </a>
          ))}
        </div>
      )}
      <dl className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] gap-x-3 gap-y-1">
        {[...view.rows, ...view.attributes.map((a) => ({ label: `Attribute: ${a.label}`, value: a.value }))].map((r) => (
          <div key={r.label} className="contents">
            <dt className="txt-compact-xsmall text-ui-fg-subtle">{r.label}</dt>
            <dd className="txt-compact-xsmall text-ui-fg-base break-words">{r.value}</dd>
          </div>
        ))}
      </dl>
      {!!view.skus.length && (
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" weight="plus">
            SKUs
          </Text>
          {view.skus.map((s) => (
            <Text key={s.sku} size="xsmall" className="text-ui-fg-subtle break-words">
              <span className="text-ui-fg-base font-mono">{s.sku}</span> · {s.price} USD · {s.stock} in stock{s.options ? ` · ${s.options}` : ""}
            </Text>
          ))}
        </div>
      )}
    </div>
  )
}
