import { createUserAccountWorkflow } from "@medusajs/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export const ADMIN_EMAIL = "admin@medusa-test.com"
export const ADMIN_PASSWORD = "supersecret-test"

/**
 * Registers an admin through the auth module and the core user workflow, then
 * logs in over HTTP, as the dashboard does. Returns request headers.
 */
export async function createAdminHeaders(
  container: MedusaContainer,
  api: { post: (url: string, body: unknown) => Promise<{ data: any }> }
): Promise<{ headers: Record<string, string> }> {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  } as any)
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity!.id, userData: { email: ADMIN_EMAIL } },
  })
  const { data } = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
