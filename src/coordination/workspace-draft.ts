/**
 * What a coordinator typed and has not saved yet, per form (`meetup:<id>`, `meetup:new`). Kept in
 * memory and in this tab's sessionStorage, so neither an expired session (log in again, come back)
 * nor a reload loses it. Cleared once the server has it.
 */
const PREFIX = 'coordination-draft:'
const memory = new Map<string, string>()

export function readDraft<T>(key: string): T | undefined {
  let text = memory.get(key)
  try {
    text ??= sessionStorage.getItem(PREFIX + key) ?? undefined
  } catch {
    // Storage switched off: memory alone still carries the draft through a new login.
  }
  return text === undefined ? undefined : (JSON.parse(text) as T)
}

export function writeDraft(key: string, value: unknown): void {
  const text = JSON.stringify(value)
  memory.set(key, text)
  try {
    sessionStorage.setItem(PREFIX + key, text)
  } catch {
    // Full or switched off: kept in memory.
  }
}

export function clearDraft(key: string): void {
  memory.delete(key)
  try {
    sessionStorage.removeItem(PREFIX + key)
  } catch {
    // Nothing stored there.
  }
}
