import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

test('Chromium finds the app installable (manifest, icons, service worker)', async ({ playwright, baseURL }, testInfo) => {
  // Chromium never offers installation in incognito, which is what ordinary test contexts are: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'willkommen-profile-'))
  const context = await playwright.chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL })
  try {
    const page = await context.newPage()
    await chooseLanguage(page, 'English')
    await waitForServiceWorker(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])

    const manifest = await (await page.request.get('/manifest.webmanifest')).json()
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', scope: '/', lang: 'de' })
    expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ])
    expect(manifest.shortcuts.length).toBeGreaterThanOrEqual(3)
  } finally {
    await context.close()
  }
})
