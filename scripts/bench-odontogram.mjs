#!/usr/bin/env node
// Chart render benchmark (not a test): `npm run bench:odontogram`.
//
// Bundles scripts/bench-odontogram.entry.ts (the real <OdontogramChart> of
// layers/odontogram with its geometry and paint, Vue in production mode)
// with Vite into one script, loads it in system Chromium (playwright-core)
// and times, in the page, after a warm-up:
//   mount    — the whole chart created from nothing (opening the Chart tab),
//   replay   — every tooth's drawing replaced (another date on the slider),
//   oneTooth — the chart after one tooth was charted,
//   select   — a click selecting a surface,
// each from the change until the DOM is patched, styled and laid out (Vue's
// render and patch, DOM work, style and layout; not raster, which the GPU
// does off the main thread). A realistic full mouth: fillings on a third of
// the teeth, caries, crowns, root canals with posts, missing teeth, an
// implant, a bridge, a planned extraction; permanent (32 teeth) and mixed
// (52 teeth) dentition. Prints median and p95 in milliseconds against the
// 16 ms budget of one frame (BENCH_RUNS resizes; CHROMIUM_PATH picks the browser).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { chromium } from 'playwright-core'
import { build } from 'vite'

const RUNS = Number(process.env.BENCH_RUNS || 60)
const BUDGET_MS = 16
const root = fileURLToPath(new URL('..', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'bench-odontogram-'))

try {
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    plugins: [vue()],
    define: { 'process.env.NODE_ENV': '"production"', '__VUE_OPTIONS_API__': 'false', '__VUE_PROD_DEVTOOLS__': 'false', '__VUE_PROD_HYDRATION_MISMATCH_DETAILS__': 'false' },
    resolve: { alias: { '#dentalpin/client': join(root, 'shared/dentalpin-client.ts'), '#shared': join(root, 'shared') } },
    build: {
      outDir: out,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, 'scripts/bench-odontogram.entry.ts'), formats: ['iife'], name: 'OdontogramBench', fileName: () => 'bench.js', cssFileName: 'bench' },
    },
  })
  const css = readdirSync(out).filter(f => f.endsWith('.css')).map(f => readFileSync(join(out, f), 'utf8')).join('\n')

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const errors = []
    page.on('pageerror', e => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.setContent('<!doctype html><html><head><style>:root{--ui-bg:#fff;--ui-bg-elevated:#f4f4f5;--ui-text:#18181b;--ui-text-muted:#71717a;--ui-text-dimmed:#a1a1aa;--ui-border-accented:#d4d4d8;--ui-primary:#0d9488}</style></head><body><div id="app" style="width:900px"></div></body></html>')
    await page.addStyleTag({ content: css })
    await page.addScriptTag({ path: join(out, 'bench.js') })
    // Warm-up: the JIT and style caches, as on a tab already used once.
    await page.evaluate(() => window.runOdontogramBench('permanent', 10))
    const results = []
    for (const dentition of ['permanent', 'mixed']) results.push(await page.evaluate(([d, n]) => window.runOdontogramBench(d, n), [dentition, RUNS]))
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`)

    const cpu = (await import('node:os')).cpus()[0]?.model ?? 'unknown CPU'
    console.log(`Odontogram chart render in Chromium (${RUNS} runs each, ${cpu}); milliseconds, budget ${BUDGET_MS} ms per frame`)
    console.log('dentition   elements  measure     median     p95')
    let over = false
    for (const r of results) {
      for (const key of ['mount', 'replay', 'oneTooth', 'select']) {
        const { median, p95 } = r[key]
        if (median >= BUDGET_MS) over = true
        console.log(`${r.dentition.padEnd(11)} ${String(r.elements).padStart(8)}  ${key.padEnd(9)} ${median.toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)}`)
      }
    }
    console.log(over ? `Some medians are over the ${BUDGET_MS} ms budget.` : `Every median is under the ${BUDGET_MS} ms budget.`)
    process.exitCode = over ? 1 : 0
  }
  finally {
    await browser.close()
  }
}
finally {
  rmSync(out, { recursive: true, force: true })
}
