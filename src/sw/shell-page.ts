import { readStartState } from '../db/start-state.ts'
import { localeInfo } from '../i18n/locales.ts'

// The marks scripts/prerender-picker.ts puts around the language picker it prerenders into index.html.
const PICKER = /<!--picker-->[\s\S]*?<!--\/picker-->/

/**
 * The app shell for a phone whose person has chosen a language: without the prerendered language
 * picker (it would show for a moment before the app replaces it) and already in that language and
 * direction. A first visit gets index.html as built.
 */
export async function shellFor(response: Response): Promise<Response> {
  const { settings } = await readStartState()
  if (!settings.locale || !response.ok) return response
  const { code, dir } = localeInfo(settings.locale)
  const html = (await response.text()).replace(PICKER, '').replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${code}" dir="${dir}">`)
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(html, { status: response.status, statusText: response.statusText, headers })
}
