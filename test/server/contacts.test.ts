import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { insertSampleContacts, SAMPLE_CONTACTS_FILE } from '../../server/contacts/sample-contacts.ts'
import { FIXTURE_CONTACTS } from '../fixtures/guide-steps.ts'
import { DISTRICT_SLUGS } from '../../src/shared/districts.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { ContactField } from '../../src/shared/contact-fields.ts'

async function fixtureFile(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'contacts-')), 'sample-contacts.json')
  // The file leaves out isSample and empty details.
  const entries = FIXTURE_CONTACTS.map(({ isSample: _, ...c }) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null)))
  await writeFile(path, JSON.stringify(entries))
  return path
}

describe.each(DATABASES)('contacts directory on %s', (kind) => {
  it('inserts sample contacts once, marked as samples, and syncs them', async () => {
    const { app, db } = await buildTestApp(kind)
    const file = await fixtureFile()
    expect(await insertSampleContacts(db, file)).toBe(FIXTURE_CONTACTS.length)
    expect(await insertSampleContacts(db, file)).toBe(0)

    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(first.changes.contacts).toEqual(expect.arrayContaining(FIXTURE_CONTACTS))
    expect(first.changes.contacts).toHaveLength(FIXTURE_CONTACTS.length)
    const none = (await app.inject({ url: `/api/v1/sync?since=${first.cursor}` })).json<SyncResponse>()
    expect(none.changes.contacts).toEqual([])
  })

  it('leaves the directory empty without demo data', async () => {
    const { app } = await buildTestApp(kind, { demoData: false })
    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(first.changes.contacts).toEqual([])
  })
})

describe('the real sample contacts file', () => {
  it.runIf(existsSync(SAMPLE_CONTACTS_FILE))('loads, uses known districts and fake addresses only', async () => {
    const { app } = await buildTestApp('pglite', { demoData: true })
    const { changes } = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(changes.contacts.length).toBeGreaterThan(0)
    expect(changes.contacts.filter((c) => !DISTRICT_SLUGS.includes(c.district)).map((c) => c.id)).toEqual([])
    expect(changes.contacts.filter((c) => c.email && !c.email.endsWith('@example.org')).map((c) => c.email)).toEqual([])
    expect(changes.contacts.every((c) => c.isSample)).toBe(true)
  })

  it.runIf(existsSync(SAMPLE_CONTACTS_FILE))('has, in every district, an immigration office, a citizens’ office, a social welfare office, integration courses and a women’s shelter without an address', async () => {
    const { app } = await buildTestApp('pglite', { demoData: true })
    const { changes } = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    const kinds = (district: string, field: ContactField) => changes.contacts.filter((c) => c.district === district && c.fields.includes(field)).map((c) => c.kind.de)
    for (const district of DISTRICT_SLUGS) {
      expect(kinds(district, 'authorities'), district).toEqual(
        expect.arrayContaining(['Ausländerbehörde', expect.stringMatching(/^Bürgerbüro/), expect.stringMatching(/^Sozialamt/)]),
      )
      expect(kinds(district, 'lifelong-learning'), district).toContain('Träger von Integrationskursen')
      const shelters = changes.contacts.filter((c) => c.district === district && c.fields.includes('protection'))
      expect(shelters.length, district).toBeGreaterThan(0)
      expect(shelters.filter((c) => c.address !== null).map((c) => c.id)).toEqual([])
    }
    expect(changes.contacts.filter((c) => c.fields.includes('health')).map((c) => c.district).sort()).toEqual(['halle', 'magdeburg'])
    expect(changes.contacts.filter((c) => c.fields.includes('legal-advice')).length).toBeGreaterThanOrEqual(3)
    expect(changes.contacts.filter((c) => !c.name.endsWith('(Beispiel)')).map((c) => c.name)).toEqual([])
  })
})
