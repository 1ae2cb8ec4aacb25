import fs from "fs"
import path from "path"

const FILE = path.join(process.cwd(), "artifacts", "known-secrets.txt")

/**
 * Records a secret a test handed to the plugin (app secret, tokens), so the
 * leak check after the run can search every log line for it.
 */
export function rememberSecret(value: string | null | undefined): void {
  if (!value || value.length < 8) {
    return
  }
  fs.mkdirSync(path.dirname(FILE), { recursive: true })
  fs.appendFileSync(FILE, value + "\n")
}
