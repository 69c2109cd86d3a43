import { describe, expect, it } from 'vitest'
import { addedPartitions, FIRST_ENTITIES, firstContentScope, keeps, normalizeScope, sameScope, syncQuery, type SyncScope } from '../../../src/shared/sync-scope.ts'
import { SYNC_ENTITIES } from '../../../src/shared/sync-entities.ts'

const DISTRICTS = ['harz', 'stendal']
const full = normalizeScope({ districts: ['harz'], langs: ['ar', 'de'] })

describe('the entities of a scope', () => {
  it('a scope stored before entities were named holds them all: nothing is added or dropped for it', () => {
    const stored: SyncScope = { districts: ['harz'], langs: ['ar', 'de'] }
    expect(sameScope(stored, full)).toBe(true)
    expect(addedPartitions(stored, full, DISTRICTS)).toEqual({ districts: [], langs: [], entities: [] })
    expect(keeps(stored, 'contacts', { district: 'harz' })).toBe(true)
  })

  it('the first answer leaves the contacts and German out; the next names both as added', () => {
    const first = firstContentScope(full)
    expect(first).toEqual({ districts: ['harz'], langs: ['ar'], entities: FIRST_ENTITIES })
    expect(FIRST_ENTITIES).not.toContain('contacts')
    expect(addedPartitions(first, full, DISTRICTS)).toEqual({ districts: [], langs: ['de'], entities: ['contacts'] })
    expect(syncQuery(7, full, addedPartitions(first, full, DISTRICTS))).toBe('since=7&districts=harz&langs=ar&langs=de&addedLangs=de&addedEntities=contacts')
  })

  it('a German phone’s first answer differs from its scope by the contacts alone', () => {
    const german = normalizeScope({ districts: 'all', langs: ['de'] })
    expect(firstContentScope(german)).toEqual({ districts: 'all', langs: ['de'], entities: FIRST_ENTITIES })
    expect(addedPartitions(firstContentScope(german), german, DISTRICTS)).toEqual({ districts: [], langs: [], entities: ['contacts'] })
  })

  it('a scope without an entity keeps none of its rows, whatever their district', () => {
    const first = firstContentScope(full)
    expect(keeps(first, 'contacts', { district: 'harz' })).toBe(false)
    expect(keeps(first, 'contacts', { district: null })).toBe(false)
    expect(keeps(first, 'meetups', { district: 'harz' })).toBe(true)
  })

  it('naming every entity is the same scope as naming none', () => {
    expect(normalizeScope({ districts: 'all', langs: 'all', entities: [...SYNC_ENTITIES].reverse() })).toEqual({ districts: 'all', langs: 'all', entities: 'all' })
  })
})
