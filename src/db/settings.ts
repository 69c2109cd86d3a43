import type { WillkommenDb } from './db.ts'

/** What the person chose on this phone; never sent to the server. */
export interface Settings {
  locale?: string
  district?: string
  /** The guide phase the person last opened. */
  guidePhase?: string
}

export async function saveSetting<K extends keyof Settings>(db: WillkommenDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value })
}
