import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fresh i18n each time: it is a module-level singleton.
async function freshI18n() {
  vi.resetModules()
  return await import('../../../src/i18n/i18n.ts')
}

describe('interface texts, loaded per language', () => {
  beforeEach(() => vi.restoreAllMocks())

  it('loads only the chosen language, not German first', async () => {
    const { applyLocale, i18n } = await freshI18n()
    expect(i18n.global.availableLocales).toEqual([])
    await applyLocale('uk', { keepOffline: false })
    expect(i18n.global.availableLocales).toEqual(['uk'])
    expect(i18n.global.t('app.skipToContent')).toBe('Перейти до змісту')
  })

  it('shows German for a text a language lacks, once the German texts have come', async () => {
    const { applyLocale, i18n } = await freshI18n()
    await applyLocale('uk', { keepOffline: false })
    i18n.global.setLocaleMessage('uk', {}) // as if this language lacked every text
    expect(i18n.global.t('app.skipToContent')).toBe('app.skipToContent')
    await vi.waitFor(() => expect(i18n.global.availableLocales).toContain('de'))
    await flushPromises()
    expect(i18n.global.t('app.skipToContent')).toBe('Zum Inhalt springen')
  })

  it('loads the start part of a language first; the rest comes when a text of it is asked for, or as a whole', async () => {
    const { applyLocale, ensureWholeLanguage, i18n } = await freshI18n()
    await applyLocale('uk', { keepOffline: false })
    expect(i18n.global.te('meetups.title', 'uk')).toBe(true)
    expect(i18n.global.te('volunteering.title', 'uk')).toBe(false) // not downloaded with the start screen
    i18n.global.t('volunteering.title') // a view asks for it
    await vi.waitFor(() => expect(i18n.global.te('volunteering.title', 'uk')).toBe(true))
    expect(i18n.global.availableLocales).toEqual(['uk']) // the language had it: no German fetched
    await ensureWholeLanguage()
    expect(i18n.global.te('partners.title', 'uk')).toBe(true)
  })
})
