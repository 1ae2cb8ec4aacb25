import { useState } from "react"
import { Badge, Button, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { ProblemsList } from "../problems-list"
import { ProductCombobox } from "./product-combobox"
import { ReadablePayloadView } from "./readable-payload-view"
import { usePreview } from "../../hooks/mapping"
import { errorMessage } from "../../lib/errors"
import type { TemplateRecord } from "./types"

/** Runs the unsaved template against a product the merchant picks: the payload and its problems. */
export const PreviewPanel = ({ template }: { template: TemplateRecord }) => {
  const [product, setProduct] = useState<{ id: string; title: string; thumbnail?: string | null } | null>(null)
  const productId = product?.id ?? ""
  const preview = usePreview()
  const result = preview.data?.preview

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="preview-panel">
      <div>
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          See what would be sent for a product before saving. Nothing is sent to AliExpress.
        </Text>
      </div>
      <ProductCombobox value={product} onChange={setProduct} />
      <Button
        size="small"
        variant="secondary"
        disabled={!productId}
        isLoading={preview.isPending}
        onClick={() => preview.mutate({ product_id: productId, template })}
        data-testid="run-preview"
      >
        Preview this product
      </Button>
      {preview.isError && (
        <Text size="small" className="text-ui-fg-error" data-testid="preview-error">
          {errorMessage(preview.error)}
        </Text>
      )}
      {result && (
        <div className="flex flex-col gap-y-3" data-testid="preview-result">
          <div className="flex items-center gap-x-2">
            {result.valid ? (
              <Badge color="green">Ready to list</Badge>
            ) : (
              <Badge color="orange">
                {result.problems.length} problem{result.problems.length === 1 ? "" : "s"}
              </Badge>
            )}
            <Text size="xsmall" className="text-ui-fg-subtle">
              with template "{result.template}"
            </Text>
          </div>
          {!result.valid && <ProblemsList problems={result.problems} />}
          {!!result.attributes?.length && (
            <div data-testid="preview-attributes">
              <Text size="small" weight="plus">
                Category attributes
              </Text>
              <ul className="flex flex-col gap-y-1 pt-1">
                {result.attributes.map((a) => (
                  <li key={a.name_id} className="flex flex-wrap items-center gap-x-2">
                    <Text size="xsmall" weight="plus">
                      {a.name}
                      {a.required ? " *" : ""}
                    </Text>
                    {a.values.length ? (
                      a.values.map((v) => (
                        <Badge key={`${v.kind}:${v.input}`} size="2xsmall" color={v.kind === "none" ? "red" : v.kind === "other" ? "orange" : "green"}>
                          {v.kind === "other" ? `Other: ${v.input}` : v.kind === "none" || v.kind === "text" ? v.input : `${v.input} → ${v.value_name}`}
                        </Badge>
                      ))
                    ) : (
                      <Text size="xsmall" className={a.required ? "text-ui-fg-error" : "text-ui-fg-muted"}>
                        no value
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Tabs defaultValue="readable">
            <Tabs.List>
              <Tabs.Trigger value="readable" data-testid="preview-tab-readable">
                What AliExpress gets
              </Tabs.Trigger>
              <Tabs.Trigger value="json" data-testid="preview-tab-json">
                Raw JSON
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="readable" className="pt-3">
              <ReadablePayloadView payload={result.payload} />
            </Tabs.Content>
            {/* Kept mounted: the JSON is what support and the browser checks read. */}
            <Tabs.Content value="json" className="pt-3 data-[state=inactive]:hidden" forceMount>
              <pre className="bg-ui-bg-subtle txt-compact-xsmall max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md p-3" data-testid="preview-payload">
                {result.payload ? JSON.stringify(result.payload, null, 2) : "No payload could be built."}
              </pre>
            </Tabs.Content>
          </Tabs>
        </div>
      )}
    </Container>
  )
}
