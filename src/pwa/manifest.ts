import type { ManifestOptions } from 'vite-plugin-pwa'

/** The web app manifest: what the phone needs to install the app to the home screen. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Willkommen in Sachsen-Anhalt',
  short_name: 'Willkommen',
  description: 'Wegweiser, Treffen und Tandems für neue Nachbarinnen und Nachbarn – auch ohne Internet.',
  lang: 'de',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#0b5a8c',
  background_color: '#f4f6f8',
  categories: ['education', 'social', 'travel'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    { name: 'Wegweiser', short_name: 'Wegweiser', url: '/guide', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    { name: 'Treffen', short_name: 'Treffen', url: '/meetups', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    { name: 'Mitmachen', short_name: 'Mitmachen', url: '/volunteering', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
  ],
}
