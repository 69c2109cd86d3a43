import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { declareNextRelease } from '../../../src/db/next-release.ts'
import type { OutboxEntry } from '../../../src/outbox/outbox-entry.ts'
import { deleteFreshDatabases, freshDbName } from './fresh-db-name.ts'

// Two tabs: the old one runs the app's database as it is (version 7), the new one the next release (8).

let versionChange: typeof import('../../../src/db/version-change.ts')

beforeEach(async () => {
  vi.resetModules() // whether this tab gave way is kept per page load
  versionChange = await import('../../../src/db/version-change.ts')
})
afterEach(deleteFreshDatabases)

const queued: OutboxEntry = {
  clientId: 'c1',
  kind: 'tandem',
  payload: { name: 'Olena' },
  state: 'pending',
  attempts: 0,
  nextAttemptAt: 1,
  lastError: null,
  response: null,
  createdAt: 1,
}

async function oldTab(name: string): Promise<WillkommenDb> {
  const old = new WillkommenDb(name)
  versionChange.closeForNewerVersion(old)
  await old.open()
  await old.outbox.add(queued)
  await old.progress.put({ stepId: 'anmeldung', doneAt: '2026-12-01T10:00:00Z' })
  return old
}

function nextRelease(name: string): WillkommenDb {
  const db = new WillkommenDb(name)
  declareNextRelease(db)
  return db
}

describe('a newer version of the database opened in another tab', () => {
  it('is not blocked: the old tab closes its connection, and the upgrade converts its queued entry', async () => {
    const name = freshDbName('versionchange')
    const old = await oldTab(name)
    const blocked = vi.fn()
    const newer = nextRelease(name)
    newer.on('blocked', blocked)

    await newer.open()
    expect(blocked).not.toHaveBeenCalled()
    expect(newer.verno).toBe(8)
    expect(old.isOpen()).toBe(false)
    expect(await newer.outbox.get('c1')).toEqual({ ...queued, format: 8 })
    expect(await newer.outbox.where('kind').equals('tandem').count()).toBe(1)
    expect(await newer.progress.count()).toBe(1)
    newer.close()
  })

  it('tells the page once, and the old tab never opens again to write rows of the old shape', async () => {
    const name = freshDbName('versionchange')
    const old = await oldTab(name)
    const told = vi.fn()
    versionChange.onNewerVersion(told)
    const newer = nextRelease(name)
    await newer.open()
    expect(told).toHaveBeenCalledOnce()

    await expect(old.outbox.add({ ...queued, clientId: 'c2' })).rejects.toThrow(/closed/i)
    await expect(old.progress.toArray()).rejects.toThrow(/closed/i)
    expect(old.isOpen()).toBe(false)
    expect(await newer.outbox.toArray()).toEqual([{ ...queued, format: 8 }])
    // A page that asks after the fact hears it at once.
    const late = vi.fn()
    versionChange.onNewerVersion(late)
    expect(late).toHaveBeenCalledOnce()
    newer.close()
  })

  it('without the handler, Dexie reopens the old tab at the newer version (what the handler prevents)', async () => {
    const name = freshDbName('versionchange')
    const old = new WillkommenDb(name)
    await old.open()
    const newer = nextRelease(name)
    await newer.open()
    await old.outbox.add({ ...queued, clientId: 'c2' })
    expect(await newer.outbox.get('c2')).toEqual({ ...queued, clientId: 'c2' }) // no `format`: the old shape in the new schema
    old.close()
    newer.close()
  })
})
