/**
 * The tag given to Intl for a language of the app, where the bare language code would format dates unlike what
 * its speakers here expect. Arabic: the month names used in Syria and Iraq (كانون الثاني, شباط, آذار …, not the
 * Egyptian يناير, فبراير, مارس), a 24-hour clock as on German timetables and posters, and the digits 0–9 used on
 * German letters and house numbers. Farsi and Dari: the Gregorian calendar of German letters (not the Solar
 * Hijri one their locales default to), with the same digits; Dari with the Afghan month names (جنوری, فبروری …).
 */
const INTL_TAGS: Record<string, string> = {
  ar: 'ar-SY-u-hc-h23-nu-latn',
  fa: 'fa-u-ca-gregory-nu-latn',
  prs: 'fa-AF-u-ca-gregory-nu-latn',
  'de-x-easy': 'de',
}

const chosen = new Map<string, string>()

/**
 * Where the phone's Intl has no data for a language (Chromium lacks Pashto, Kurdish, Tigrinya, Somali and
 * Albanian), dates are written the German way, as on the letters and posters the person gets, rather than in
 * the browser's default (often English).
 */
export function intlLocale(code: string): string {
  let tag = chosen.get(code)
  if (!tag) {
    const wanted = INTL_TAGS[code] ?? code
    tag = Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : 'de'
    chosen.set(code, tag)
  }
  return tag
}
