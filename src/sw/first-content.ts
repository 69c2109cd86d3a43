import { readStartState } from '../db/start-state.ts'

/** How long a first install waits for the newcomer's first content before it precaches anyway. */
export const FIRST_CONTENT_WAIT_MS = 20_000
const POLL_MS = 500

/**
 * Resolves with the chosen language once the phone has one and a first sync has landed in IndexedDB
 * (at once on a phone that has used the app before), or after `FIRST_CONTENT_WAIT_MS`. The service
 * worker's install waits for it, so on a slow link the precache does not compete with the
 * newcomer's first screen, language and content.
 */
export async function firstContentStored(waitMs = FIRST_CONTENT_WAIT_MS): Promise<string | undefined> {
  const until = Date.now() + waitMs
  for (;;) {
    const { settings, lastSyncedAt } = await readStartState()
    if ((settings.locale && lastSyncedAt) || Date.now() >= until) return settings.locale
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
