import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import type { ManifestOptions } from 'vite-plugin-pwa'
import { LOCALES, localeInfo } from '../i18n/locales.ts'
import { manifestPath } from './manifest-path.ts'

interface ManifestTexts {
  name: string
  shortName: string
  description: string
  shortcutGuide: string
  shortcutMeetups: string
  shortcutVolunteering: string
}

function manifestTexts(code: string): ManifestTexts {
  const file = new URL(`../../locales/${code}.json`, import.meta.url)
  return (JSON.parse(readFileSync(file, 'utf8')) as { manifest: ManifestTexts }).manifest
}

const icon = [{ src: '/icons/icon-192.png', sizes: '192x192' }]

/**
 * Build-time only (reads locales/). The web app manifest in one language (texts from `locales/<code>.json`, key `manifest`): what the phone needs
 * to install the app to the home screen, under a name and shortcuts the person reads.
 */
export function manifestFor(code: string): Partial<ManifestOptions> {
  const text = manifestTexts(code)
  return {
    id: '/',
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: code,
    dir: localeInfo(code).dir,
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
      { name: text.shortcutGuide, short_name: text.shortcutGuide, url: '/guide', icons: icon },
      { name: text.shortcutMeetups, short_name: text.shortcutMeetups, url: '/meetups', icons: icon },
      { name: text.shortcutVolunteering, short_name: text.shortcutVolunteering, url: '/volunteering', icons: icon },
    ],
  }
}

/** Vite plugin: writes the manifest of every language other than German (vite-plugin-pwa writes German's). */
export function languageManifests(): Plugin {
  return {
    name: 'willkommen:language-manifests',
    apply: 'build',
    generateBundle() {
      for (const { code } of LOCALES) {
        if (code === 'de') continue
        this.emitFile({ type: 'asset', fileName: manifestPath(code).slice(1), source: `${JSON.stringify(manifestFor(code))}\n` })
      }
    },
  }
}
