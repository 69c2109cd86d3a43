/** Where a language's web app manifest is served: German's is the one index.html names, the others are beside it. */
export const manifestPath = (code: string): string => (code === 'de' ? '/manifest.webmanifest' : `/manifest-${code}.webmanifest`)

/** Points the page at the manifest in the person's language, so the phone installs the app under a name they read. */
export function pointManifestAt(code: string): void {
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', manifestPath(code))
}
