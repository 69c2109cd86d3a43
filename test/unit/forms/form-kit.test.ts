import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { db } from '../../../src/db/db.ts'
import TextField from '../../../src/forms/TextField.vue'
import ConfirmAction from '../../../src/forms/ConfirmAction.vue'
import { useOutboxForm } from '../../../src/forms/use-outbox-form.ts'
import type { FieldErrors } from '../../../src/shared/validate.ts'

// The form kit as a person uses it: real German texts, real IndexedDB (fake-indexeddb) for drafts.
const files = import.meta.glob<Record<string, never>>('../../../locales/de.json', { eager: true, import: 'default' })
const de = Object.values(files)[0]!
const i18n = () => createI18n({ legacy: false, locale: 'de', fallbackLocale: 'de', messages: { de } })
const global = () => ({ plugins: [i18n()] })

afterEach(async () => {
  document.body.innerHTML = ''
  await db.drafts.clear()
})

describe('TextField', () => {
  it('names the field, says it is required, and links hint and translated error to the input', async () => {
    const wrapper = mount(TextField, {
      props: { id: 'email', label: 'E-Mail-Adresse', modelValue: '', hint: 'Für Rückfragen', error: 'errors.email.invalid', required: true, type: 'email' },
      global: global(),
    })
    const input = wrapper.get('input#email')
    expect(wrapper.get('label[for="email"]').text()).toBe('E-Mail-Adresse (Pflichtfeld)')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('email-hint email-error')
    expect(wrapper.get('#email-error').text()).toBe('Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.')

    await input.setValue('kim@example.org')
    expect(wrapper.emitted('update:modelValue')).toEqual([['kim@example.org']])
  })

  it('shows a code that is not one of ours as a plain "invalid", and no error marks without an error', async () => {
    const wrapper = mount(TextField, { props: { id: 'name', label: 'Name', modelValue: 'Kim', error: '<b>x</b>' }, global: global() })
    expect(wrapper.get('#name-error').text()).toBe('Diese Angabe ist ungültig.')
    await wrapper.setProps({ error: '' })
    expect(wrapper.find('#name-error').exists()).toBe(false)
    expect(wrapper.get('input').attributes('aria-invalid')).toBeUndefined()
    expect(wrapper.get('input').attributes('aria-describedby')).toBeUndefined()
  })
})

describe('ConfirmAction', () => {
  const props = { label: 'Zurückziehen', question: 'Wirklich zurückziehen?', confirmLabel: 'Ja, zurückziehen' }

  it('asks first with the focus on "keep"; "keep" closes it, gives the focus back and does nothing', async () => {
    const wrapper = mount(ConfirmAction, { props, global: global(), attachTo: document.body })
    const trigger = wrapper.get('button')
    expect(trigger.attributes('aria-expanded')).toBe('false')
    await trigger.trigger('click')
    await nextTick()
    const group = wrapper.get('[role="group"]')
    expect(document.getElementById(group.attributes('aria-labelledby')!)!.textContent).toBe('Wirklich zurückziehen?')
    expect(trigger.attributes('aria-expanded')).toBe('true')
    expect(document.activeElement!.textContent).toBe('Nein, behalten')

    await trigger.trigger('click') // a second tap on the same spot changes nothing
    expect(wrapper.findAll('[role="group"]')).toHaveLength(1)
    await group.findAll('button')[0]!.trigger('click')
    await nextTick()
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
    expect(document.activeElement).toBe(trigger.element)
    expect(wrapper.emitted('confirm')).toBeUndefined()
  })

  it('emits "confirm" once on "yes", and Escape keeps', async () => {
    const wrapper = mount(ConfirmAction, { props, global: global(), attachTo: document.body })
    await wrapper.get('button').trigger('click')
    await wrapper.get('[role="group"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
    await wrapper.get('button').trigger('click')
    const yes = wrapper.findAll('[role="group"] button').find((b) => b.text() === 'Ja, zurückziehen')!
    await yes.trigger('click')
    expect(wrapper.emitted('confirm')).toEqual([[]])
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
  })
})

describe('useOutboxForm', () => {
  interface State {
    name: string
  }
  function mountForm(send: (value: { name: string }, clientId: string) => Promise<void>, done = vi.fn(async () => undefined)) {
    const Form = defineComponent({
      setup() {
        const kit = useOutboxForm<State, { name: string }>({
          draftKey: 'test-form',
          empty: () => ({ name: '' }),
          check: (state) => ({ value: { name: state.name.trim() }, errors: state.name.trim() ? ({} as FieldErrors) : { name: 'errors.required' } }),
          send,
          done,
        })
        return () =>
          h('form', { onSubmit: (e: Event) => (e.preventDefault(), void kit.submit()) }, [
            h(TextField, { id: 'name', label: 'Name', modelValue: kit.form.value.name, 'onUpdate:modelValue': (v: string) => (kit.form.value.name = v), error: kit.err('name') }),
            h('button', { type: 'submit', disabled: kit.saving.value }, 'Senden'),
          ])
      },
    })
    return { wrapper: mount(Form, { global: global(), attachTo: document.body }), done }
  }

  it('takes a double submit once: one send, under the draft id kept with the typing, and the draft is gone after', async () => {
    let release = () => {}
    const send = vi.fn((_value: { name: string }, _clientId: string) => new Promise<void>((resolve) => (release = resolve)))
    const { wrapper, done } = mountForm(send)
    await flushPromises()
    await wrapper.get('input').setValue('Kim')
    await flushPromises()
    const draft = await db.drafts.get('test-form')
    expect(draft).toMatchObject({ value: { name: 'Kim' }, clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) })

    await wrapper.get('form').trigger('submit')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('button').attributes('disabled')).toBeDefined()
    release()
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1))
    expect(send).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledWith({ name: 'Kim' }, draft!.clientId)
    expect(await db.drafts.get('test-form')).toBeUndefined()
    expect(wrapper.get('button').attributes('disabled')).toBeUndefined()
  })

  it('sends nothing while the shared check finds errors, marks the field and moves the focus there', async () => {
    const send = vi.fn(async () => undefined)
    const { wrapper } = mountForm(send)
    await flushPromises()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(send).not.toHaveBeenCalled()
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#name-error').text()).toBe('Bitte füllen Sie dieses Feld aus.')
    expect(document.activeElement).toBe(wrapper.get('input').element)
    expect(wrapper.get('button').attributes('disabled')).toBeUndefined()
  })

  it('keeps the draft id across a reload, so a submit repeated after it is still the same entry', async () => {
    const first = mountForm(vi.fn(async () => undefined))
    await flushPromises()
    await first.wrapper.get('input').setValue('Kim')
    await flushPromises()
    const { clientId } = (await db.drafts.get('test-form'))!
    first.wrapper.unmount()

    const send = vi.fn(async () => undefined)
    const again = mountForm(send)
    await flushPromises()
    expect((again.wrapper.get('input').element as HTMLInputElement).value).toBe('Kim')
    await again.wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(send).toHaveBeenCalledWith({ name: 'Kim' }, clientId)
  })
})
