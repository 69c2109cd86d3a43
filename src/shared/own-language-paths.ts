/**
 * Addresses that open without the first-start language picker: the pages with `meta.ownLanguage` in
 * src/app/router.ts (a manage link, the emergency card, a partner declaration's status) and the coordinator
 * workspace. The server (server/web/web.plugin.ts) and the service worker (src/sw/shell-page.ts) leave the
 * prerendered picker out of their HTML, so it does not show for a moment before the page replaces it.
 */
const OWN_LANGUAGE_PATHS = [/^\/manage\/[A-Za-z0-9_-]{43}$/, /^\/emergency$/, /^\/partners\/status\/[A-Za-z0-9_-]{43}$/, /^\/coordination(\/.*)?$/]

export const opensInOwnLanguage = (path: string): boolean => OWN_LANGUAGE_PATHS.some((pattern) => pattern.test(path))

// The marks scripts/prerender-picker.ts puts around the language picker it prerenders into index.html.
const PICKER = /<!--picker-->[\s\S]*?<!--\/picker-->/

export const withoutPicker = (html: string): string => html.replace(PICKER, '')
