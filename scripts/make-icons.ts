// Draws the app icons (a white house with an open door on the brand blue) as PNG files in public/icons.
// Run once after changing the design: node scripts/make-icons.ts
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BRAND = [0x0b, 0x5a, 0x8c]
const WHITE = [0xff, 0xff, 0xff]

/** Is the unit-square point (x, y) inside the house drawn at `scale` around the centre? */
function inHouse(x: number, y: number, scale: number): boolean {
  const u = (x - 0.5) / scale + 0.5
  const v = (y - 0.5) / scale + 0.5
  const roof = v >= 0.18 && v <= 0.46 && Math.abs(u - 0.5) <= (v - 0.18) * (0.36 / 0.28)
  const body = u >= 0.24 && u <= 0.76 && v >= 0.45 && v <= 0.82
  const door = u >= 0.44 && u <= 0.56 && v >= 0.6 && v <= 0.82
  return (roof || body) && !door
}

function png(size: number, scale: number, rounded: boolean): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  const samples = 4
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0
    for (let px = 0; px < size; px++) {
      let house = 0
      let inside = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          const r = 0.18
          const cx = Math.min(Math.max(x, r), 1 - r)
          const cy = Math.min(Math.max(y, r), 1 - r)
          const inBg = !rounded || (x - cx) ** 2 + (y - cy) ** 2 <= r * r
          if (inBg) inside++
          if (inBg && inHouse(x, y, scale)) house++
        }
      }
      const n = samples * samples
      const o = py * (size * 4 + 1) + 1 + px * 4
      const t = inside ? house / inside : 0
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BRAND[c]! * (1 - t) + WHITE[c]! * t)
      raw[o + 3] = Math.round((255 * inside) / n)
    }
  }
  return encode(size, raw)
}

function encode(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

mkdirSync('public/icons', { recursive: true })
writeFileSync('public/icons/icon-192.png', png(192, 1, true))
writeFileSync('public/icons/icon-512.png', png(512, 1, true))
writeFileSync('public/icons/apple-touch-icon-180.png', png(180, 0.9, false))
// Maskable: full-bleed background, the house inside the 80 % safe zone.
writeFileSync('public/icons/icon-maskable-512.png', png(512, 0.7, false))
