import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { OutboxEntry } from '../outbox/outbox-entry.ts'
import { formatDay, formatTime } from '../i18n/format.ts'
import { messageKey } from '../forms/form-errors.ts'

/** "Sonntag, 22. November, 09:49" for a moment kept on the phone (milliseconds). */
export function dayAndTime(ms: number, locale: string): string {
  const iso = new Date(ms).toISOString()
  return `${formatDay(iso, locale)}, ${formatTime(iso, locale)}`
}

/**
 * The texts every outbox entry shows (sign-ups and partner declarations): why the server refused it,
 * the field messages that add to that reason, and when it was saved on this phone.
 */
export function useEntryText(entry: Ref<OutboxEntry>) {
  const { t, te, locale } = useI18n()
  const reason = computed(() => {
    const code = entry.value.lastError?.code ?? ''
    return te(`errors.server.${code}`) ? t(`errors.server.${code}`) : t('errors.server.unknown')
  })
  // Field messages, without one that only repeats the reason.
  const fieldErrors = computed(() =>
    [...new Set(Object.values(entry.value.lastError?.fields ?? {}).map((code) => t(messageKey(code))))].filter((m) => m !== reason.value),
  )
  const created = computed(() => dayAndTime(entry.value.createdAt, locale.value))
  return { reason, fieldErrors, created }
}
