import { describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { openMigratedPglite } from './test-app.ts'

describe('request log', () => {
  it('never writes a manage or declaration status token, which is a key to personal data', async () => {
    const lines: string[] = []
    const config = { ...loadConfig({}), demoData: false, webRoot: '/nonexistent', logLevel: 'info' }
    const app = await buildApp({ config, database: await openMigratedPglite(), logStream: { write: (l) => void lines.push(l) } })
    try {
      const token = 'secret-token-abcdefghijklmnopqrstuvwxyz012345'
      const res = await app.inject({ url: `/api/v1/manage/${token}?format=json` })
      expect(res.statusCode).toBeGreaterThanOrEqual(400)
      expect(lines.join('')).toContain('/api/v1/manage/[token]?format=json')
      await app.inject({ url: `/partners/status/${token}` })
      expect(lines.join('')).toContain('/partners/status/[token]')
      expect(lines.join('')).not.toContain(token)
    } finally {
      await app.close()
    }
  })
})
