import { Client } from "pg"

/** PostgreSQL's defaults: autovacuum_naptime, the vacuum and analyze thresholds and scale factors. */
const NAPTIME_MS = 60_000
const VACUUM_THRESHOLD = 50
const VACUUM_SCALE = 0.2
const ANALYZE_THRESHOLD = 50
const ANALYZE_SCALE = 0.1

type TableStats = { name: string; live: number; dead: number; modified: number }

/**
 * Does for the bench database what autovacuum does on a production one. This machine's
 * PostgreSQL runs with autovacuum off, and a bench without it measures a store nobody runs:
 * after the first sync of 100,000 products the listing table held 449,000 dead rows and the
 * statistics of an empty table, and the planner read it through the wrong index (a resync at
 * 150 listings/s instead of 860, the admin's overview at 1 s). Once a minute, as autovacuum's
 * launcher visits a database, every table past PostgreSQL's default thresholds is vacuumed and
 * analyzed (or only analyzed), one at a time and with autovacuum's cost-based pacing, so the
 * work competes with the run as autovacuum's would and no more.
 */
export function keepAutovacuumsPace(databaseUrl: string, log: (line: string) => void): () => Promise<void> {
  let stopped = false
  let client: Client | null = null
  let timer: NodeJS.Timeout | null = null
  let visiting: Promise<void> = Promise.resolve()

  const visit = async () => {
    client ??= await connect(databaseUrl)
    for (const table of await tableStats(client)) {
      if (stopped) return
      const vacuum = table.dead > VACUUM_THRESHOLD + VACUUM_SCALE * table.live
      const analyze = table.modified > ANALYZE_THRESHOLD + ANALYZE_SCALE * table.live
      if (!vacuum && !analyze) continue
      const started = Date.now()
      await client.query(`${vacuum ? "vacuum (analyze)" : "analyze"} "${table.name}"`)
      log(`autovacuum: ${vacuum ? "vacuum analyze" : "analyze"} ${table.name} (${table.live} live, ${table.dead} dead, ${table.modified} changed) in ${Date.now() - started} ms`)
    }
  }
  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      visiting = visit()
        .catch((error: Error) => log(`autovacuum: visit failed (${error.message}); the next one tries again`))
        .finally(schedule)
    }, NAPTIME_MS)
    timer.unref?.()
  }
  schedule()

  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await visiting
    await client?.end().catch(() => undefined)
  }
}

async function connect(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  // Autovacuum's own pacing (autovacuum_vacuum_cost_delay and _limit); a manual VACUUM has none.
  await client.query("set vacuum_cost_delay = 2")
  await client.query("set vacuum_cost_limit = 200")
  return client
}

async function tableStats(client: Client): Promise<TableStats[]> {
  const { rows } = await client.query(
    `select s.relname as name, greatest(c.reltuples, 0)::bigint as live, s.n_dead_tup as dead, s.n_mod_since_analyze as modified
       from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = 'public'`
  )
  return rows.map((r) => ({ name: r.name, live: Number(r.live), dead: Number(r.dead), modified: Number(r.modified) }))
}
