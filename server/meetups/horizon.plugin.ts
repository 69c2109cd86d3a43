import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { refreshAllOccurrences } from './series.repository.ts'

const DAY = 86400000

/** Keeps a year of concrete meetup dates ahead: once at start, then daily. */
export const meetupHorizon: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  await refreshAllOccurrences(db, app.now())
  const timer = setInterval(() => {
    refreshAllOccurrences(db, app.now()).catch((err: unknown) => app.log.error({ err }, 'extending meetup dates failed'))
  }, DAY)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))
}
