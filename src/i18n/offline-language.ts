import { SOURCE_LOCALE } from './locales.ts'

/**
 * Asks the service worker to keep this language for offline use (src/sw/language-cache.ts): only the
 * chosen language is stored on the phone, German always. Waits for an active service worker, so on a
 * first visit the message goes once it is installed.
 */
export function keepLanguageOffline(code: string): void {
  if (code === SOURCE_LOCALE || !('serviceWorker' in navigator)) return
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'CACHE_LANGUAGE', code }))
}
