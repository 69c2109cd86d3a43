import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { db } from '../../../src/db/db.ts'
import { applyLocale, i18n } from '../../../src/i18n/i18n.ts'
import SituationPicker from '../../../src/guide/SituationPicker.vue'
import { useSettingsStore } from '../../../src/app/settings.store.ts'

// The situation choices as a WAI-ARIA radio group: one tab stop, arrows move and choose (mirrored right to left).
afterEach(async () => {
  await db.settings.clear()
  await applyLocale('de')
  document.body.innerHTML = ''
})

async function picker() {
  const wrapper = mount(SituationPicker, { props: { labelledby: 'x' }, global: { plugins: [createPinia(), i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
const checked = (w: Awaited<ReturnType<typeof picker>>) => w.findAll('[role="radio"]').filter((b) => b.attributes('aria-checked') === 'true').map((b) => b.attributes('data-situation'))
const tabStops = (w: Awaited<ReturnType<typeof picker>>) => w.findAll('[role="radio"]').filter((b) => b.attributes('tabindex') === '0').map((b) => b.attributes('data-situation'))
const focused = () => (document.activeElement as HTMLElement | null)?.dataset.situation

async function press(w: Awaited<ReturnType<typeof picker>>, key: string) {
  await w.get(`[data-situation="${focused()}"]`).trigger('keydown', { key })
  // The choice is saved on the phone first, then shown as checked.
  await vi.waitFor(() => expect(checked(w)).toEqual([focused()]))
}

describe('SituationPicker', () => {
  it('has one tab stop (the first choice while none is made), and arrows move the focus and choose, wrapping around', async () => {
    const w = await picker()
    expect(tabStops(w)).toEqual(['asylum'])
    expect(checked(w)).toEqual([])
    ;(w.get('[data-situation="asylum"]').element as HTMLElement).focus()

    await press(w, 'ArrowDown')
    expect(focused()).toBe('ukraine')
    expect(checked(w)).toEqual(['ukraine'])
    expect(tabStops(w)).toEqual(['ukraine'])
    await vi.waitFor(async () => expect((await db.settings.get('situation'))?.value).toBe('ukraine'))

    await press(w, 'ArrowRight')
    expect(focused()).toBe('eu')
    await press(w, 'ArrowUp')
    await press(w, 'ArrowLeft')
    expect(focused()).toBe('asylum')
    await press(w, 'ArrowUp')
    expect(focused()).toBe('none')
    expect(checked(w)).toEqual(['none'])
    await press(w, 'ArrowDown')
    expect(focused()).toBe('asylum')
    await press(w, 'End')
    expect(focused()).toBe('none')
    await press(w, 'Home')
    expect(checked(w)).toEqual(['asylum'])

    await w.get('[data-situation="asylum"]').trigger('keydown', { key: 'a' })
    expect(checked(w)).toEqual(['asylum'])
  })

  it('mirrors left and right in Arabic: the left arrow goes to the next choice', async () => {
    await applyLocale('ar')
    const w = await picker()
    ;(w.get('[data-situation="eu"]').element as HTMLElement).focus()
    await press(w, 'ArrowLeft')
    expect(focused()).toBe('visa')
    expect(checked(w)).toEqual(['visa'])
    await press(w, 'ArrowRight')
    await press(w, 'ArrowRight')
    expect(focused()).toBe('ukraine')
    expect(tabStops(w)).toEqual(['ukraine'])
  })

  it('puts the tab stop on the situation chosen before (the settings read at start)', async () => {
    const pinia = createPinia()
    await useSettingsStore(pinia).load({ situation: 'family', situationOffered: true })
    const w = mount(SituationPicker, { props: { labelledby: 'x' }, global: { plugins: [pinia, i18n] } })
    expect(tabStops(w)).toEqual(['family'])
    expect(checked(w)).toEqual(['family'])
  })
})
