import { readStartState } from '../db/start-state.ts'
import { localeInfo } from '../i18n/locales.ts'
import { opensInOwnLanguage, withoutPicker } from '../shared/own-language-paths.ts'

/**
 * The app shell for a phone whose person has chosen a language: without the prerendered language
 * picker (it would show for a moment before the app replaces it) and already in that language and
 * direction. A page that opens in its own language (a manage link …) gets it without the picker too; a first
 * visit elsewhere gets index.html as built.
 */
export async function shellFor(response: Response, path = '/'): Promise<Response> {
  const { settings } = await readStartState()
  if (!response.ok || (!settings.locale && !opensInOwnLanguage(path))) return response
  let html = withoutPicker(await response.text())
  if (settings.locale) {
    const { code, dir } = localeInfo(settings.locale)
    html = html.replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${code}" dir="${dir}">`)
  }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(html, { status: response.status, statusText: response.statusText, headers })
}
