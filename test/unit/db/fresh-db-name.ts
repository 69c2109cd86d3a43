import Dexie from 'dexie'

const names: string[] = []

/** A database name no other test uses; `deleteFreshDatabases` removes it after the test. */
export function freshDbName(prefix: string): string {
  const name = `${prefix}-${crypto.randomUUID()}`
  names.push(name)
  return name
}

/** For `afterEach`: deletes every database named by `freshDbName` so far. */
export async function deleteFreshDatabases(): Promise<void> {
  for (const name of names.splice(0)) await Dexie.delete(name)
}
