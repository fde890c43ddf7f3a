// <OdontogramChart>: every tooth and surface is a named, focusable target;
// a click or a key says which tooth and surface (the chart's one listener),
// surfaces show the server's tone, and the keyboard moves between teeth.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import OdontogramChart from '../../components/odontogram/OdontogramChart.vue'
import { chartPaint } from '../../lib/chart-paint'
import type { Dentition } from '../../lib/chart-geometry'
import { STUBS, chart, entry, useLocale, vueWarnings, warnHandler } from './harness'

beforeEach(() => {
  useLocale('en')
})
afterEach(() => expect(vueWarnings.splice(0)).toEqual([]))

function mountChart(options: { dentition?: Dentition, paint?: ReturnType<typeof chartPaint>, selection?: Record<number, string> } = {}) {
  return mount(OdontogramChart, {
    attachTo: document.body,
    props: {
      dentition: options.dentition ?? 'permanent',
      paint: options.paint ?? chartPaint([], []),
      selection: options.selection ?? {},
      summaries: {},
      colors: { todo: '#dc2626', done: '#2563eb' },
    },
    global: { stubs: STUBS, config: { warnHandler } },
  })
}

const named = (w: ReturnType<typeof mountChart>, name: string) => w.get(`[aria-label="${name}"]`)

describe('<OdontogramChart>', () => {
  it('names every tooth and its five surfaces, incisal on front teeth and palatal on upper ones', () => {
    const w = mountChart()
    expect(w.findAll('[role="button"][data-target$="-W"]')).toHaveLength(32)
    expect(w.findAll('polygon[role="button"]')).toHaveLength(160)
    for (const name of ['Tooth 16', 'Tooth 16, occlusal', 'Tooth 16, mesial', 'Tooth 16, palatal', 'Tooth 46, lingual', 'Tooth 11, incisal', 'Tooth 33, buccal']) {
      expect(w.find(`[aria-label="${name}"]`).exists(), name).toBe(true)
    }
    // Roving focus: one target in the tab order.
    expect(w.findAll('[tabindex="0"]')).toHaveLength(1)
  })

  it('shows 52 teeth in the mixed view and 20 in the primary one', () => {
    expect(mountChart({ dentition: 'mixed' }).findAll('[data-target$="-W"]')).toHaveLength(52)
    expect(mountChart({ dentition: 'deciduous' }).findAll('[data-target$="-W"]')).toHaveLength(20)
  })

  it('says which surface or tooth was clicked, and whether shift/ctrl added it', async () => {
    const w = mountChart()
    await named(w, 'Tooth 16, occlusal').trigger('click')
    await named(w, 'Tooth 26, distal').trigger('click', { shiftKey: true })
    await w.get('[data-target="36-W"] rect').trigger('click')
    await named(w, 'Tooth 11, incisal').trigger('click', { ctrlKey: true })
    expect(w.emitted('pick')).toEqual([
      [{ tooth: 16, surface: 'O', additive: false }],
      [{ tooth: 26, surface: 'D', additive: true }],
      [{ tooth: 36, surface: null, additive: false }],
      [{ tooth: 11, surface: 'O', additive: true }],
    ])
  })

  it('colours the surfaces the server reports: to do and done', () => {
    const c = chart([entry({})], [{ tooth: 16, surfaces: { M: null, D: null, O: tone('todo'), B: null, L: null } }, { tooth: 26, surfaces: { M: tone('done'), D: null, O: null, B: null, L: null } }])
    const w = mountChart({ paint: chartPaint(c.teeth, c.entries) })
    expect(named(w, 'Tooth 16, occlusal').attributes('data-state')).toBe('todo')
    expect(named(w, 'Tooth 26, mesial').attributes('data-state')).toBe('done')
    expect(named(w, 'Tooth 26, distal').attributes('data-state')).toBe('none')
  })

  it('moves with the arrow keys, picks surfaces by number or letter, applies with Enter, clears with Esc', async () => {
    const w = mountChart()
    const svg = w.get('svg')
    await named(w, 'Tooth 16, occlusal').trigger('focusin')
    await svg.trigger('keydown', { key: 'ArrowRight' })
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Tooth 15, occlusal')
    await svg.trigger('keydown', { key: '1' })
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Tooth 15, mesial')
    await svg.trigger('keydown', { key: 'p' })
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Tooth 15, palatal')
    await svg.trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Tooth 45, lingual')
    await svg.trigger('keydown', { key: 'Enter' })
    await svg.trigger('keydown', { key: ' ' })
    await svg.trigger('keydown', { key: 'Escape' })
    await svg.trigger('keydown', { key: '?' })
    expect(w.emitted('activate')).toEqual([[{ tooth: 45, surface: 'L', additive: false }]])
    expect(w.emitted('pick')).toEqual([[{ tooth: 45, surface: 'L', additive: true }]])
    expect(w.emitted('clear')).toHaveLength(1)
    expect(w.emitted('help')).toHaveLength(1)
  })

  it('marks the selection', () => {
    const w = mountChart({ selection: { 16: 'MO', 24: 'W' } })
    expect(named(w, 'Tooth 16, mesial').attributes('aria-pressed')).toBe('true')
    expect(named(w, 'Tooth 16, distal').attributes('aria-pressed')).toBe('false')
    expect(named(w, 'Tooth 24').attributes('aria-pressed')).toBe('true')
    expect(named(w, 'Tooth 25').attributes('aria-pressed')).toBe('false')
  })
})

describe('<OdontogramChart> in Spanish', () => {
  it('names surfaces the Spanish way (vestibular; palatino on upper teeth)', () => {
    useLocale('es')
    const w = mountChart()
    for (const name of ['Diente 16, vestibular', 'Diente 16, palatino', 'Diente 46, lingual', 'Diente 11, incisal', 'Diente 21, mesial']) {
      expect(w.find(`[aria-label="${name}"]`).exists(), name).toBe(true)
    }
    expect(w.find('[aria-label="Diente 16, palatal"]').exists()).toBe(false)
  })
})

function tone(t: 'todo' | 'done') {
  return { entry_id: 'e1', kind: 'condition' as const, clinical_type: 'caries' as const, state: t === 'todo' ? 'condition' as const : 'performed' as const, tone: t, role: null }
}
