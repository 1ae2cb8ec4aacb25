import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL

/**
 * The app the demo and the HTTP tests run: Medusa with this plugin loaded from
 * the repository. With REDIS_URL set it runs as a server plus workers sharing
 * Redis for events, workflows, cache and locks, so no job runs twice.
 */
const scaleOutModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { url: redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`,
  },
  modules: [
    {
      // Uploaded product images are served by this app itself, at its own URL (the demo's PORT).
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`}/static` },
          },
        ],
      },
    },
    {
      // Medusa's admin notification bell reads the "feed" channel: the plugin's alerts (order
      // import failing, shipments not pushed, listings rejected, authorisation expiring) land there.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } }],
      },
    },
    {
      // The plugin's own module, as a merchant's app gets it from the plugin entry. Every option
      // defaults to its ALIEXPRESS_* environment variable (src/lib/plugin-options.ts).
      resolve: "./src/modules/aliexpress",
      options: {},
    },
    ...scaleOutModules,
  ],
})
