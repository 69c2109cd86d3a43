import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadVoices, readAloud, voiceFor, type Synth } from '../../../src/speech/read-aloud.ts'
import { blockLanguage, readableBlocks } from '../../../src/speech/readable-blocks.ts'

/** A stand-in for the browser's `speechSynthesis`: it keeps what it was asked to say, and the test plays it. */
class FakeSynth implements Synth {
  voices: SpeechSynthesisVoice[] = []
  spoken: SpeechSynthesisUtterance[] = []
  cancelled = 0
  private listeners = new Set<() => void>()
  speak(u: SpeechSynthesisUtterance): void {
    this.spoken.push(u)
  }
  cancel(): void {
    this.cancelled++
  }
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices
  }
  addEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.delete(listener)
  }
  announceVoices(voices: SpeechSynthesisVoice[]): void {
    this.voices = voices
    for (const l of [...this.listeners]) l()
  }
  /** The browser starts and finishes the last utterance it was given. */
  playLast(): void {
    const u = this.spoken.at(-1)!
    u.onstart?.({} as SpeechSynthesisEvent)
    u.onend?.({} as SpeechSynthesisEvent)
  }
}

const voice = (lang: string, localService = true, name = lang): SpeechSynthesisVoice =>
  ({ lang, localService, name, voiceURI: name, default: false }) as SpeechSynthesisVoice
const utterance = (text: string) => ({ text }) as SpeechSynthesisUtterance

describe('choosing a voice', () => {
  it('matches the language, not the region, and prefers a voice on the phone (works offline)', () => {
    const voices = [voice('en-US'), voice('ar-SA', false, 'online'), voice('ar_EG', true, 'on the phone')]
    expect(voiceFor(voices, 'ar')?.name).toBe('on the phone')
    expect(voiceFor(voices, 'en-GB')?.lang).toBe('en-US')
    expect(voiceFor(voices, 'ti')).toBeUndefined()
  })
})

describe('waiting for the voices', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('takes them at once when the browser has them', async () => {
    const synth = new FakeSynth()
    synth.voices = [voice('de-DE')]
    await expect(loadVoices(synth)).resolves.toHaveLength(1)
  })

  it('waits for "voiceschanged" when they load after the page', async () => {
    const synth = new FakeSynth()
    const loaded = loadVoices(synth)
    synth.announceVoices([voice('uk-UA')])
    await expect(loaded).resolves.toEqual([voice('uk-UA')])
  })

  it('gives up with no voices on a phone that never announces any', async () => {
    const synth = new FakeSynth()
    const loaded = loadVoices(synth, 1500)
    await vi.advanceTimersByTimeAsync(1500)
    await expect(loaded).resolves.toEqual([])
  })
})

describe('reading aloud', () => {
  it('reads the blocks in order, each with a voice for its own language, and reports each as it starts', async () => {
    const synth = new FakeSynth()
    const voices = [voice('ar-SA'), voice('de-DE')]
    const started: number[] = []
    const reading = readAloud(
      synth,
      voices,
      [
        { text: 'تسجيل السكن', lang: 'ar' },
        { text: 'Bitte bringen Sie den Pass mit.', lang: 'de' }, // a German fallback text in an Arabic view
      ],
      (i) => started.push(i),
      utterance,
    )
    expect(synth.cancelled).toBe(1) // whatever was speaking before is stopped
    expect(synth.spoken.map((u) => [u.text, u.lang])).toEqual([['تسجيل السكن', 'ar-SA']])
    synth.playLast()
    expect(synth.spoken.map((u) => u.lang)).toEqual(['ar-SA', 'de-DE'])
    synth.playLast()
    await reading.finished
    expect(started).toEqual([0, 1, -1])
  })

  it('skips empty blocks and blocks in a language the phone has no voice for', async () => {
    const synth = new FakeSynth()
    const started: number[] = []
    const reading = readAloud(
      synth,
      [voice('uk-UA')],
      [
        { text: '   ', lang: 'uk' },
        { text: 'ሰላም', lang: 'ti' },
        { text: 'Реєстрація', lang: 'uk' },
      ],
      (i) => started.push(i),
      utterance,
    )
    expect(synth.spoken.map((u) => u.text)).toEqual(['Реєстрація'])
    synth.playLast()
    await reading.finished
    expect(started).toEqual([2, -1])
  })

  it('stops at once when asked: the synthesis is cancelled, the mark removed, nothing more is spoken', async () => {
    const synth = new FakeSynth()
    const started: number[] = []
    const reading = readAloud(synth, [voice('de-DE')], [{ text: 'Eins', lang: 'de' }, { text: 'Zwei', lang: 'de' }], (i) => started.push(i), utterance)
    synth.spoken[0]!.onstart?.({} as SpeechSynthesisEvent)
    reading.stop()
    reading.stop() // a second tap does nothing more
    await reading.finished
    expect(synth.cancelled).toBe(2)
    // The browser ends a cancelled utterance with an "interrupted" error: that must not read on.
    synth.spoken[0]!.onerror?.({ error: 'interrupted' } as SpeechSynthesisErrorEvent)
    expect(synth.spoken).toHaveLength(1)
    expect(started).toEqual([0, -1])
  })

  it('goes on with the next block when one fails to be spoken', () => {
    const synth = new FakeSynth()
    readAloud(synth, [voice('de-DE')], [{ text: 'Eins', lang: 'de' }, { text: 'Zwei', lang: 'de' }], () => {}, utterance)
    synth.spoken[0]!.onerror?.({ error: 'synthesis-failed' } as SpeechSynthesisErrorEvent)
    expect(synth.spoken.map((u) => u.text)).toEqual(['Eins', 'Zwei'])
  })
})

describe('what a view offers to read', () => {
  it('takes the marked parts in order, split into headings, paragraphs and list items, with their language', () => {
    document.body.innerHTML = `
      <main lang="ar">
        <h1 data-read>تسجيل السكن</h1>
        <button>استمع</button>
        <div data-read lang="de"><p>Absatz eins</p><ul><li>Pass</li><li>Mietvertrag</li></ul></div>
        <section><h2>مصادر</h2></section>
      </main>`
    const blocks = readableBlocks(document.body)
    expect(blocks.map((b) => b.textContent)).toEqual(['تسجيل السكن', 'Absatz eins', 'Pass', 'Mietvertrag'])
    expect(blocks.map((b) => blockLanguage(b, 'en'))).toEqual(['ar', 'de', 'de', 'de'])
  })
})
