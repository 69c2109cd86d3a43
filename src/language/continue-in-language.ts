import type { Router } from '../router/router.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { nextAddress } from '../app/start-address-locale.ts'

/** Stores the language chosen in the picker and goes on to where the person was headed (`?next=`), or to the start. */
export async function continueInLanguage(router: Router, code: string): Promise<void> {
  await useSettingsStore().chooseLocale(code)
  await router.replace(nextAddress(router.currentRoute.value.query.next) ?? '/')
}
