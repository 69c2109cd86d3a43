import { describe, expect, it } from 'vitest'
import { keepStorageOnce, storageIsPersistent, type AskedFlag, type PersistApi } from '../../../src/pwa/keep-storage.ts'

/** A browser's `navigator.storage` that grants (or denies) persistence and counts the requests. */
function fakeStorage(grants: boolean, persistedAtStart = false) {
  let persisted = persistedAtStart
  const calls = { persist: 0 }
  const api: PersistApi = {
    persist: async () => {
      calls.persist++
      persisted = grants
      return grants
    },
    persisted: async () => persisted,
  }
  return { api, calls }
}

/** The phone's memory of having asked, shared by "visits" (one keepStorageOnce each). */
function memoryFlag(): AskedFlag & { value: boolean } {
  const flag = {
    value: false,
    read: async () => flag.value,
    write: async () => void (flag.value = true),
  }
  return flag
}

describe('asking the browser to keep the storage', () => {
  it('asks once, on the first kept thing, and not on the next ones', async () => {
    const { api, calls } = fakeStorage(true)
    const flag = memoryFlag()
    const kept = keepStorageOnce(api, flag)
    expect(calls.persist).toBe(0) // nothing kept yet: nothing asked
    expect(await kept()).toBe(true)
    await Promise.all([kept(), kept(), kept()])
    expect(calls.persist).toBe(1)
    expect(flag.value).toBe(true)
  })

  it('does not ask again after a reload, also when the browser said no', async () => {
    const { api, calls } = fakeStorage(false)
    const flag = memoryFlag()
    expect(await keepStorageOnce(api, flag)()).toBe(false)
    expect(await keepStorageOnce(api, flag)()).toBe(false)
    expect(calls.persist).toBe(1)
  })

  it('two kept things at the same moment ask once', async () => {
    const { api, calls } = fakeStorage(true)
    const kept = keepStorageOnce(api, memoryFlag())
    await Promise.all([kept(), kept()])
    expect(calls.persist).toBe(1)
  })

  it('does not ask when the storage is already persistent', async () => {
    const { api, calls } = fakeStorage(true, true)
    expect(await keepStorageOnce(api, memoryFlag())()).toBe(true)
    expect(calls.persist).toBe(0)
  })

  it('answers undefined where the browser has no storage API, and a failing one does not throw', async () => {
    expect(await keepStorageOnce(undefined, memoryFlag())()).toBeUndefined()
    expect(await keepStorageOnce({}, memoryFlag())()).toBeUndefined()
    const failing: PersistApi = { persist: () => Promise.reject(new Error('denied')), persisted: async () => false }
    expect(await keepStorageOnce(failing, memoryFlag())()).toBeUndefined()
    expect(await storageIsPersistent(undefined)).toBeUndefined()
    expect(await storageIsPersistent({ persisted: () => Promise.reject(new Error('no')) })).toBeUndefined()
    expect(await storageIsPersistent(fakeStorage(true, true).api)).toBe(true)
  })
})
