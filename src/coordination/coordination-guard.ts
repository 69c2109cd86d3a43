import type { RouteLocationNormalized, RouteLocationRaw } from '../router/router.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'
import { loadCoordinationMessages } from './coordination-messages.ts'
import { useCoordinationSession } from './session.store.ts'
import { ApiProblem } from './problems.ts'

/** Before any workspace page: its texts are loaded, and only the login page is open without a session. */
export async function enterCoordination(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  await loadCoordinationMessages(useSettingsStore().locale ?? SOURCE_LOCALE)
  if (to.meta.public) return true
  const session = useCoordinationSession()
  if (!session.account) {
    try {
      await session.check()
    } catch (error) {
      // Offline or server trouble: the login page says so when it is tried.
      if (!(error instanceof ApiProblem)) throw error
    }
  }
  return session.account ? true : { name: 'coordination-login', query: { next: to.fullPath } }
}
