import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { DatabaseKind } from '../db/database.ts'

export const healthRoutes: FastifyPluginAsyncTypebox<{ databaseKind: DatabaseKind }> = async (app, { databaseKind }) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness and which database is in use',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: databaseKind }),
  )
}
