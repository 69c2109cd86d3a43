/**
 * Resolves once a service worker is active for this page: workbox activates only after it has
 * precached the app shell, so this is "the shell is installed", whatever the precache list holds.
 * Never resolves where service workers are missing (then the app never claims to work offline).
 */
export function whenShellInstalled(): Promise<void> {
  if (!('serviceWorker' in navigator)) return new Promise(() => undefined)
  return navigator.serviceWorker.ready.then(() => undefined)
}

/** Height of the bottom navigation (0 where there is none): notices sit above it, never over its buttons. */
export function bottomNavHeight(): number {
  return document.querySelector('.bottom-nav')?.getBoundingClientRect().height ?? 0
}
