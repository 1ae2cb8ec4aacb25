import { startImageServer } from "../helpers/image-server"

/** The browser run's image host: prints its URL on stdout, then serves until killed. */
startImageServer().then((server) => {
  process.stdout.write(`IMAGE_SERVER_URL=${server.url}\n`)
})
