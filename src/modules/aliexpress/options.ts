import { configManager } from "@medusajs/framework/config"
import { resolvePluginOptions, type PluginOptions } from "../../lib/plugin-options"
import { listingSyncConfig, type ListingSyncConfig } from "../../lib/listings/config"

/** The key Medusa files this module's entry under in the loaded config (its service name). */
const MODULE_KEY = "aliexpress"

/**
 * The plugin's options as the running app was configured with them, for the code that has no
 * module instance at hand (scheduled jobs' cron at load time, workflow helpers). Medusa merges
 * a plugin's options into the entry of its module, and the repository's own medusa-config
 * registers the module directly: both end up in `modules.aliexpress.options`.
 */
export function aliexpressOptions(): PluginOptions {
  return resolvePluginOptions(configuredOptions())
}

function configuredOptions(): Record<string, unknown> {
  if (!configManager.baseDir) {
    // No config loaded (a unit test, a script): the environment and the defaults apply.
    return {}
  }
  try {
    const entry = (configManager.config.modules as Record<string, any> | undefined)?.[MODULE_KEY]
    return entry && typeof entry === "object" && entry.options && typeof entry.options === "object" ? entry.options : {}
  } catch {
    return {}
  }
}

/** The listing sync's settings as the running app was configured with them. */
export function listingSyncSettings(): ListingSyncConfig {
  return listingSyncConfig(aliexpressOptions())
}
