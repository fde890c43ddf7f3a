// The browser side of `npm run bench:odontogram` (bundled by
// scripts/bench-odontogram.mjs with Vite and run in Chromium): mounts the real
// <OdontogramChart> with a realistic full mouth and times its renders.
// Stands in for the Nuxt auto-imports the chart uses (Vue's API, useI18n).
import * as vue from 'vue'
import { createI18n } from 'vue-i18n'
import OdontogramChart from '../layers/odontogram/components/odontogram/OdontogramChart.vue'
import { chartLayout } from '../layers/odontogram/lib/chart-geometry'
import type { Dentition } from '../layers/odontogram/lib/chart-geometry'
import { chartPaint } from '../layers/odontogram/lib/chart-paint'
import type { PaintEntry, PaintToothState, Tone } from '../layers/odontogram/lib/chart-paint'
import en from '../layers/odontogram/i18n/locales/en.json'
import es from '../layers/odontogram/i18n/locales/es.json'

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en, es } })
Object.assign(globalThis, vue, { useI18n: () => i18n.global })

type Surface = 'M' | 'D' | 'O' | 'B' | 'L'
const SURFACES: Surface[] = ['M', 'D', 'O', 'B', 'L']

/** A random but reproducible sequence. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A busy adult mouth (or a mixed one): fillings on a third of the teeth
 * (1–3 surfaces, old ones done, new ones planned), caries, crowns, root
 * canals with posts, two missing teeth, an implant, a three-unit bridge,
 * a planned extraction, abscesses and sealants. `variant` shifts what is to
 * do and what is done, as a replay of another date would.
 */
function fullMouth(dentition: Dentition, variant: number) {
  const rand = rng(20261210 + variant)
  const teeth = chartLayout(dentition).slots.map(s => s.tooth)
  const states: PaintToothState[] = []
  const entries: PaintEntry[] = []
  let n = 0
  const add = (clinical_type: string, tooth: number, surfaces: Surface[] = [], tone: Tone = 'done', kind: PaintEntry['kind'] = 'treatment') =>
    entries.push({ id: `e${n++}`, kind, clinical_type, status: kind === 'condition' ? null : tone === 'done' ? 'performed' : 'planned', teeth: [{ tooth, surfaces, role: null }] })
  for (const tooth of teeth) {
    const surfaces: Partial<Record<Surface, { tone: Tone } | null>> = {}
    const r = rand()
    if (r < 0.35) {
      const picked = SURFACES.filter(() => rand() < 0.4).slice(0, 3)
      for (const s of picked.length ? picked : ['O' as Surface]) surfaces[s] = { tone: rand() < 0.7 ? 'done' : 'todo' }
    }
    else if (r < 0.45) surfaces.O = { tone: 'todo' }
    states.push({ tooth, present: true, surfaces })
    const w = rand()
    if (w < 0.1) add('crown', tooth, [], rand() < 0.6 ? 'done' : 'todo')
    else if (w < 0.16) {
      add('root_canal', tooth)
      add('post', tooth)
    }
    else if (w < 0.2) add('abscess', tooth, [], 'todo', 'condition')
    else if (w < 0.24) add('sealant', tooth, [], 'done')
  }
  const missing = dentition === 'deciduous' ? [55, 75] : [46, 15]
  for (const tooth of missing) {
    const s = states.find(x => x.tooth === tooth)
    if (s) s.present = false
  }
  if (dentition !== 'deciduous') {
    add('implant', 46)
    add('extraction', 48, [], 'todo')
    entries.push({ id: 'bridge', kind: 'treatment', clinical_type: 'bridge', status: 'performed', teeth: [
      { tooth: 14, surfaces: [], role: 'pillar' }, { tooth: 15, surfaces: [], role: 'pontic' }, { tooth: 16, surfaces: [], role: 'pillar' },
    ] })
  }
  return chartPaint(states, entries)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!

/** Times `work` until the DOM it changed is styled and laid out (Vue's patch + DOM + style/layout; not raster). */
async function timed(work: () => unknown, host: HTMLElement): Promise<number> {
  const start = performance.now()
  await work()
  await vue.nextTick()
  void host.getBoundingClientRect().height
  void (host.querySelector('polygon') as SVGPolygonElement | null)?.getBBox()
  return performance.now() - start
}
const frame = () => new Promise(r => requestAnimationFrame(() => r(null)))

async function run(dentition: Dentition, runs: number) {
  const host = document.getElementById('app')!
  const paints = [0, 1, 2, 3].map(v => fullMouth(dentition, v))
  // Each charted tooth's state in words, as the tab passes them (the tooltips).
  const summaries = Object.fromEntries([...paints[0]!.teeth.keys()].map(t => [t, 'Composite filling (MO), done · Caries (D), finding · Crown, planned']))
  const props = vue.shallowReactive({
    dentition, paint: paints[0]!, selection: {} as Record<number, string>, summaries,
    colors: { todo: '#dc2626', done: '#2563eb' },
  })
  const result: Record<string, number[]> = { mount: [], replay: [], oneTooth: [], select: [] }
  for (let i = 0; i < runs; i++) {
    let app: vue.App | null = null
    result.mount!.push(await timed(() => {
      app = vue.createApp({ render: () => vue.h(OdontogramChart, props) })
      app.mount(host)
    }, host))
    await frame()
    // Another date replayed: every tooth may change.
    result.replay!.push(await timed(() => {
      props.paint = paints[1 + (i % 3)]!
    }, host))
    await frame()
    // One tooth charted: the server's new chart differs on one tooth.
    const next = { teeth: new Map(props.paint.teeth), bridges: props.paint.bridges }
    next.teeth.set(17, { tooth: 17, missing: false, surfaces: { O: 'todo', M: 'todo' }, marks: { crown: 'todo' } })
    result.oneTooth!.push(await timed(() => {
      props.paint = next
    }, host))
    await frame()
    // A click selects a surface.
    result.select!.push(await timed(() => {
      props.selection = { 26: i % 2 ? 'MO' : 'W' }
    }, host))
    await frame()
    app!.unmount()
    props.paint = paints[0]!
    props.selection = {}
  }
  const elements = (() => {
    const app = vue.createApp({ render: () => vue.h(OdontogramChart, props) })
    app.mount(host)
    const count = host.querySelectorAll('*').length
    app.unmount()
    return count
  })()
  return {
    dentition, runs, elements,
    ...Object.fromEntries(Object.entries(result).map(([k, xs]) => [k, { median: +median(xs).toFixed(2), p95: +p95(xs).toFixed(2) }])),
  }
}

Object.assign(window, { runOdontogramBench: run })
