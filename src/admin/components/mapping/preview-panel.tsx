import { useState } from "react"
import { Badge, Button, Container, Heading, Input, Select, Text } from "@medusajs/ui"
import { ProblemsList } from "../problems-list"
import { useProductSearch } from "../../hooks/medusa"
import { usePreview } from "../../hooks/mapping"
import { errorMessage } from "../../lib/errors"
import type { TemplateRecord } from "./types"

/** Runs the unsaved template against a product the merchant picks: the payload and its problems. */
export const PreviewPanel = ({ template }: { template: TemplateRecord }) => {
  const [search, setSearch] = useState("")
  const [productId, setProductId] = useState<string>("")
  const products = useProductSearch(search)
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
      <Input size="small" type="search" placeholder="Find a product" value={search} onChange={(e) => setSearch(e.target.value)} />
      <Select value={productId || undefined} onValueChange={setProductId}>
        <Select.Trigger data-testid="preview-product">
          <Select.Value placeholder="Pick a product" />
        </Select.Trigger>
        <Select.Content>
          {(products.data?.products ?? []).map((p: any) => (
            <Select.Item key={p.id} value={p.id}>
              {p.title}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
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
          <div>
            <Text size="small" weight="plus">
              Payload
            </Text>
            <pre className="bg-ui-bg-subtle txt-compact-xsmall max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md p-3" data-testid="preview-payload">
              {result.payload ? JSON.stringify(result.payload, null, 2) : "No payload could be built."}
            </pre>
          </div>
        </div>
      )}
    </Container>
  )
}
