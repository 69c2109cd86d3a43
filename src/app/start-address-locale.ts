import { LOCALES } from '../i18n/locales.ts'

/**
 * The language a person tapped in the picker prerendered into index.html before the app had arrived
 * (`/?lang=ar`, scripts/prerender-picker.ts and src/app/picker-taps.js). Only on the start address: elsewhere
 * `?lang=de` is a guide step's "show the German original", which must not change the app's language.
 */
/** `?next=`: where the person goes on to after the picker; only an address of this app (`/…`, not `//other.site`). */
export function nextAddress(next: unknown): string | undefined {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : undefined
}

export function startAddressLocale(path: string, lang: unknown): string | undefined {
  return path === '/' && typeof lang === 'string' && LOCALES.some((l) => l.code === lang) ? lang : undefined
}

/**
 * The language tapped in the prerendered picker after the app had read its address (the tap script marks
 * the link `aria-current`), while the page still showed that picker: the person's choice all the same.
 */
export function tappedInPrerenderedPicker(page: Document): string | undefined {
  const code = page.querySelector('.boot-picker a[aria-current][hreflang]')?.getAttribute('hreflang')
  return LOCALES.some((l) => l.code === code) ? (code ?? undefined) : undefined
}
