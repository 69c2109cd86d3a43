/**
 * The tag given to Intl for a language of the app, where the bare language code would format dates unlike what
 * its speakers here expect. Arabic: the month names used in Syria and Iraq (كانون الثاني, شباط, آذار …, not the
 * Egyptian يناير, فبراير, مارس), a 24-hour clock as on German timetables and posters, and the digits 0–9 used on
 * German letters and house numbers.
 */
const INTL_TAGS: Record<string, string> = {
  ar: 'ar-SY-u-hc-h23-nu-latn',
}

export function intlLocale(code: string): string {
  return INTL_TAGS[code] ?? code
}
