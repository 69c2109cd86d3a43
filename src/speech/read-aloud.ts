/**
 * Reads text aloud with the phone's own speech synthesis (Web Speech API): nothing leaves the phone, and it
 * works offline where the phone has a voice for the language installed. One utterance per block (a heading,
 * a paragraph, a list item), so the view can mark and scroll to what is being read as each one starts; that
 * is the progress every browser reports (word boundaries are not reported by all).
 */

/** The parts of `speechSynthesis` used here, so a test can hand in its own. */
export interface Synth {
  speak(utterance: SpeechSynthesisUtterance): void
  cancel(): void
  getVoices(): SpeechSynthesisVoice[]
  addEventListener(type: 'voiceschanged', listener: () => void): void
  removeEventListener(type: 'voiceschanged', listener: () => void): void
}

export interface ReadBlock {
  text: string
  /** BCP 47 language of the block (a German fallback text is read by a German voice). */
  lang: string
}

type MakeUtterance = (text: string) => SpeechSynthesisUtterance

const VOICES_WAIT_MS = 1500

function baseLanguage(tag: string): string {
  return tag.toLowerCase().replace('_', '-').split('-')[0]!
}

/** A voice for the language, preferring one on the phone itself (it works offline) over a network voice. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const base = baseLanguage(lang)
  const matching = voices.filter((v) => baseLanguage(v.lang) === base)
  return matching.find((v) => v.localService) ?? matching[0]
}

/**
 * The voices, once the browser has them: many load them after the page, announced by `voiceschanged`; a phone
 * with none never announces anything, so the wait ends after a short while with an empty list.
 */
export function loadVoices(synth: Synth, waitMs = VOICES_WAIT_MS): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices()
  if (now.length > 0) return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      synth.removeEventListener('voiceschanged', done)
      resolve(synth.getVoices())
    }
    const timer = setTimeout(done, waitMs)
    synth.addEventListener('voiceschanged', done)
  })
}

export interface Reading {
  /** Resolves when the last block has been read, or when reading was stopped. */
  finished: Promise<void>
  stop(): void
}

/**
 * Reads the blocks one after the other with a voice for each block's language; `onBlock(i)` is called as block
 * i starts, and with -1 at the end. Blocks whose language has no voice are skipped.
 */
export function readAloud(
  synth: Synth,
  voices: readonly SpeechSynthesisVoice[],
  blocks: readonly ReadBlock[],
  onBlock: (index: number) => void,
  makeUtterance: MakeUtterance = (text) => new SpeechSynthesisUtterance(text),
): Reading {
  let stopped = false
  let finish: () => void = () => {}
  const finished = new Promise<void>((resolve) => (finish = resolve))
  const end = (): void => {
    onBlock(-1)
    finish()
  }
  const speakFrom = (index: number): void => {
    if (stopped) return
    const next = blocks.findIndex((b, i) => i >= index && b.text.trim() && voiceFor(voices, b.lang))
    if (next === -1) return end()
    const block = blocks[next]!
    const utterance = makeUtterance(block.text)
    utterance.voice = voiceFor(voices, block.lang)!
    utterance.lang = utterance.voice.lang
    utterance.onstart = () => onBlock(next)
    utterance.onend = () => speakFrom(next + 1)
    utterance.onerror = (event) => (event.error === 'interrupted' || event.error === 'canceled' ? undefined : speakFrom(next + 1))
    synth.speak(utterance)
  }
  synth.cancel() // whatever another view left speaking
  speakFrom(0)
  return {
    finished,
    stop() {
      if (stopped) return
      stopped = true
      synth.cancel()
      end()
    },
  }
}
