import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { newRoomId } from '../shared/roomId'
import { createRelay } from '../sync-server/createRelay'
import { ensureClientBuilt } from '../tests/helpers/ensureClientBuilt'
import { CHROMIUM_ARGS } from '../bench/clientBenchPages'
import { outlineMapRecords } from '../bench/outlineMapRecords'

globalThis.requestAnimationFrame ??= ((cb: any) => setTimeout(() => cb(performance.now()), 16)) as any
ensureClientBuilt()
const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'dm-prof-')), staticDir: process.env.DIST ?? '/work/main/dist', logLevel: 'silent' })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
const url = `${relay.url}/r/${newRoomId()}`
const open = async (plan: boolean) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' })
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  await context.addInitScript((o: boolean) => { localStorage.setItem('delivery-map:display-name', 'Bench'); localStorage.setItem('delivery-map:sidebar', o ? 'plan' : 'closed') }, plan)
  const page = await context.newPage()
  await page.goto(url)
  page.on('console', (m) => console.log('console:', m.text().slice(0, 200))); page.on('pageerror', (e) => console.log('pageerror', String(e))); await page.waitForTimeout(8000); await page.screenshot({ path: '/tmp/prof/shot.png' }); await page.waitForFunction(() => (window as any).editor !== undefined, null, { timeout: 60000 })
  return page
}
const seed = await open(false)
const records = outlineMapRecords(5000)
for (let i = 0; i < records.length; i += 500) await seed.evaluate((b: string) => { const e = (window as any).editor; e.run(() => e.store.put(JSON.parse(b))) }, JSON.stringify(records.slice(i, i + 500)))
await seed.waitForTimeout(5000)
const page = await open(process.env.PLAN === '1')
await page.waitForFunction(() => (window as any).editor.getCurrentPageShapeIds().size >= 5000, null, { timeout: 180000, polling: 200 })
await page.waitForTimeout(3000)
const id = await page.evaluate(() => [...(window as any).editor.getCurrentPageShapeIds()].find((i: string) => (window as any).editor.getShape(i).type === 'milestone'))
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
await cdp.send('Profiler.start')
const times = await page.evaluate(async (id: string) => {
  const e = (window as any).editor; const out: number[] = []
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now()
    e.updateShape({ id, type: 'milestone', props: { title: `Prof ${i}` } })
    out.push(performance.now() - t0)
    await new Promise((r) => setTimeout(r, 300))
  }
  return out
}, id)
const { profile } = await cdp.send('Profiler.stop')
console.log('updateShape ms', times.map((t) => t.toFixed(0)).join(' '))
writeFileSync('/tmp/prof/update.cpuprofile', JSON.stringify(profile))
await browser.close(); await relay.close()
