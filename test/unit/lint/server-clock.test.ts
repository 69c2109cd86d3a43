// @vitest-environment node
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/** The server takes the time from its injected clock (server/clock.ts); the project's eslint.config.js keeps it so. */
let eslint: ESLint

beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() })
  await eslint.lintText('export {}\n', { filePath: 'server/warm-up.ts' })
}, 60_000)

async function clockMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('the linter keeps the server on its clock', () => {
  it('refuses new Date() and Date.now() in server code', async () => {
    expect(await clockMessages('export const a = new Date()\nexport const b = Date.now()\n', 'server/meetups/fixture.ts')).toEqual([
      expect.stringContaining('app.now()'),
      expect.stringContaining('app.now()'),
    ])
  })

  it('allows dates made from a value, and the clock itself', async () => {
    expect(await clockMessages("export const a = new Date('2026-11-22T10:00:00Z')\n", 'server/meetups/fixture.ts')).toEqual([])
    expect(await clockMessages('export const systemClock = () => new Date()\n', 'server/clock.ts')).toEqual([])
  })
})
