import { fileURLToPath } from 'node:url'
import { availableParallelism } from 'node:os'
import { realpathSync } from 'node:fs'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompress } from './scripts/precompress.ts'
import { newcomerPrecache } from './scripts/newcomer-precache.ts'
import { prerenderPicker } from './scripts/prerender-picker.ts'
import { inlineStartFiles } from './scripts/inline-start-files.ts'
import { viewBundles } from './scripts/view-bundles.ts'
import { localeParts } from './scripts/locale-parts.ts'
import { vueI18nTreeShaking } from './scripts/vue-i18n-tree-shaking.ts'
import { languageManifests, manifestFor } from './src/pwa/manifest.ts'

const locales = fileURLToPath(new URL('./locales/**', import.meta.url))
// What a newcomer's phone keeps for offline use: not the coordinator workspace, only its own language.
const precache = newcomerPrecache()

export default defineConfig({
  plugins: [
    // No Options API and no runtime message compiler: every component uses <script setup> and every
    // message is precompiled from locales/, so neither has to ship to a newcomer's phone.
    vue({ features: { optionsAPI: false } }),
    localeParts(),
    vueI18nTreeShaking(),
    vueI18n({ include: [locales], strictMessage: false, escapeHtml: true, fullInstall: false, dropMessageCompiler: true }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: manifestFor('de'),
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Serve assets from the cache even if a build lacks their compressed copies.
        // The other languages' manifests are fetched by the phone when it installs, online.
        globIgnores: ['**/*.br', '**/*.gz', 'manifest-*.webmanifest'],
        manifestTransforms: [precache.transform],
      },
      devOptions: { enabled: false },
    }),
    prerenderPicker(),
    inlineStartFiles(),
    languageManifests(),
    precache.plugin,
    precompress(),
  ],
  resolve: {
    // Dexie's ES2018 module instead of its package entry, which wraps the ES5 UMD build for require():
    // smaller and tree-shakable, for the start screen's bundle a first visit waits for.
    alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }],
  },
  // The sync worker is an ES module like the app (see src/sync/sync.worker.ts).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    rolldownOptions: {
      // Everything the first screen needs in one file (and one CSS file) instead of a dozen small
      // ones: each request costs a weak connection a round trip and the phone's parser a preload.
      output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'], priority: 100 }, ...viewBundles()] } },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
    // A git worktree links node_modules from the main checkout; Vite may serve files from there too.
    fs: { allow: ['.', realpathSync(fileURLToPath(new URL('./node_modules', import.meta.url)))] },
  },
  test: {
    // Vitest leaves one core to itself by default, which on a two-core machine means one worker; its
    // own share is small, and the server tests are CPU work, so both cores run test files.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
          // A cap, not a timing: Intl data and IndexedDB are slow to start on a busy 2-core machine (7.9 s seen).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/pglite-template.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
