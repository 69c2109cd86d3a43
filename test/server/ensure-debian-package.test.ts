import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SCRIPT = new URL('../../scripts/ensure-debian-package.ts', import.meta.url).pathname

/** Runs the script with a PATH holding only node and the given programs (no apt-get, no sudo). */
function runWith(programs: string[], env: Record<string, string> = {}) {
  const bin = mkdtempSync(join(tmpdir(), 'ensure-bin-'))
  symlinkSync(process.execPath, join(bin, 'node'))
  for (const p of programs) {
    writeFileSync(join(bin, p), '#!/bin/sh\n')
    chmodSync(join(bin, p), 0o755)
  }
  return spawnSync(process.execPath, [SCRIPT, 'chromium'], { env: { PATH: bin, ...env }, encoding: 'utf8' })
}

describe('npm test finds or installs Chromium', () => {
  it('goes on quietly when chromium is on the PATH', () => {
    const run = runWith(['chromium'])
    expect(run.status).toBe(0)
    expect(run.stdout + run.stderr).toBe('')
  })

  it('goes on when CHROME_PATH is set', () => {
    expect(runWith([], { CHROME_PATH: '/opt/chrome/chrome' }).status).toBe(0)
  })

  it('stops with the one command to run when it may not install packages', () => {
    const run = runWith([])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('sudo apt-get install -y chromium fonts-noto-core')
  })
})
