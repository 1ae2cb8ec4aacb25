import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "knex"

/**
 * Runs a read of Medusa's tables straight in SQL, where `query.graph` would build an ORM
 * entity per row. Null when the statement fails (a database not shaped as this Medusa
 * version's), logged with `what`: the caller then reads the same through `query.graph`.
 */
export async function readInSql<T>(container: MedusaContainer, what: string, read: (knex: Knex) => Promise<T>): Promise<T | null> {
  try {
    return await read(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`AliExpress: ${what} could not be read in one statement, reading through query.graph: ${(error as Error)?.message ?? error}`)
    return null
  }
}
