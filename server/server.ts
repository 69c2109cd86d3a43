import { loadConfigOrExit } from './config.ts'
import { buildApp } from './app.ts'
import { openDatabaseOrExit } from './db/database.ts'

const config = loadConfigOrExit()
const app = await buildApp({ config, database: openDatabaseOrExit({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema }) })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}

await app.listen({ port: config.port, host: config.host })
