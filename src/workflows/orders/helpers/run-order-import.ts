import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_IMPORT_LOCK_KEY, ORDER_IMPORT_LOCK_TIMEOUT_S } from "../../../lib/orders/constants"
import {
  importAliExpressOrdersWorkflow,
  type ImportAliExpressOrdersInput,
} from "../workflows/import-orders"

/**
 * Every entry point (job, "import now", push) runs the import under one lock,
 * so runs on a server and its workers take turns; the unique binding index
 * still guarantees one Medusa order per AliExpress order if they do not.
 */
export async function runOrderImport(container: MedusaContainer, input: ImportAliExpressOrdersInput) {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    ORDER_IMPORT_LOCK_KEY,
    async () => {
      const { result } = await importAliExpressOrdersWorkflow(container).run({ input })
      return result
    },
    { timeout: ORDER_IMPORT_LOCK_TIMEOUT_S, expire: 15 * 60 }
  )
}
