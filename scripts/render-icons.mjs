// Renders the PNG app icons from public/favicon.svg in Chromium, so they can be regenerated
// whenever the icon changes: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8')
const inner = svg.replace(/^[\s\S]*?<rect[^>]*\/>/, '').replace(/<\/svg>\s*$/, '')
// Maskable icons need their content inside the central safe zone (80%): scale the glyph down
// and let the background fill the whole square.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#1f5fbf"/><g transform="translate(32 32) scale(0.62) translate(-32 -32)">${inner}</g></svg>`

const icons = [
  ['pwa-192x192.png', 192, svg, true],
  ['pwa-512x512.png', 512, svg, true],
  ['maskable-512x512.png', 512, maskable, false],
  ['apple-touch-icon.png', 180, maskable, false],
]

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
})
const page = await browser.newPage()
for (const [name, size, source, transparent] of icons) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`)
  await page.screenshot({ path: new URL(`../public/${name}`, import.meta.url).pathname, omitBackground: transparent })
  console.log('wrote', name)
}
await browser.close()
