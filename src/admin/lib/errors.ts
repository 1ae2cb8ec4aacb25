import { toast } from "@medusajs/ui"

/** The backend's message (which carries AliExpress's own wording) rather than a generic failure. */
export const errorMessage = (error: unknown): string => {
  if (error && typeof error === "object" && "message" in error && typeof (error as any).message === "string") {
    return (error as any).message
  }
  return "Something went wrong"
}

export const toastError = (error: unknown, title = "AliExpress") => {
  toast.error(title, { description: errorMessage(error) })
}
