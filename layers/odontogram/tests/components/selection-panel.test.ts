// <OdontogramSelectionPanel>: the selected tooth's surfaces in the reader's
// letters (V and P in Spanish), toggled with a click; Apply waits until the
// selection is enough for the tool; the tooth actions slot gets the tooth.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { SlotPatient } from '#dentalpin/client'
import OdontogramSelectionPanel from '../../components/odontogram/OdontogramSelectionPanel.vue'
import type { Picked } from '../../lib/chart-tools'
import { STUBS, useLocale, vueWarnings, warnHandler } from './harness'

afterEach(() => expect(vueWarnings.splice(0)).toEqual([]))

function panel(selection: Picked[], extra: { toolName?: string | null, problem?: string | null, bridge?: boolean, roles?: Record<number, 'pillar' | 'pontic'> } = {}) {
  return mount(OdontogramSelectionPanel, {
    props: {
      patient: { id: 'p1' } as SlotPatient, selection, summaries: { 16: 'Caries (O), finding' }, toolName: extra.toolName ?? null,
      problem: extra.problem ?? null, bridge: extra.bridge ?? false, roles: extra.roles ?? {}, canApply: true, busy: false,
    },
    global: { stubs: STUBS, config: { warnHandler } },
  })
}
const surfaceButtons = (w: ReturnType<typeof panel>) => w.findAll('[data-surface]')

describe('<OdontogramSelectionPanel>', () => {
  it.each([
    ['en', 16, ['M', 'D', 'O', 'B', 'L']],
    ['es', 16, ['M', 'D', 'O', 'V', 'P']],
    ['es', 46, ['M', 'D', 'O', 'V', 'L']],
    ['es', 21, ['M', 'D', 'I', 'V', 'P']],
    ['es', 83, ['M', 'D', 'I', 'V', 'L']],
  ] as const)('shows the surfaces of a tooth in %s letters (tooth %i)', (locale, tooth, letters) => {
    useLocale(locale)
    expect(surfaceButtons(panel([{ tooth, surfaces: [] }])).map(b => b.text())).toEqual(letters)
  })

  it('names each surface button and says which are picked; a click toggles one', async () => {
    useLocale('es')
    const w = panel([{ tooth: 16, surfaces: ['O'] }])
    expect(surfaceButtons(w).map(b => [b.attributes('aria-label'), b.attributes('aria-pressed')])).toEqual([
      ['mesial', 'false'], ['distal', 'false'], ['oclusal', 'true'], ['vestibular', 'false'], ['palatino', 'false'],
    ])
    expect(w.text()).toContain('Diente 16')
    expect(w.text()).toContain('Molar · Caries (O), finding')
    await surfaceButtons(w)[0]!.trigger('click')
    expect(w.emitted('toggleSurface')).toEqual([[16, 'M']])
    expect(w.get('[data-slot]').attributes('data-slot')).toBe('odontogram.tooth.actions')
  })

  it('holds Apply back until the selection is enough, and says why', async () => {
    useLocale('en')
    const waiting = panel([{ tooth: 16, surfaces: [] }], { toolName: 'Composite filling', problem: 'odontogram.tools.pickSurfaces' })
    const apply = () => waiting.findAll('button').find(b => b.text() === 'Apply')!
    expect(waiting.text()).toContain('Choose the surfaces.')
    expect(apply().attributes('disabled')).toBeDefined()
    const ready = panel([{ tooth: 16, surfaces: ['M', 'O'] }], { toolName: 'Composite filling' })
    expect(ready.text()).toContain('Composite filling on 16 MO')
    await ready.findAll('button').find(b => b.text() === 'Apply')!.trigger('click')
    expect(ready.emitted('apply')).toHaveLength(1)
  })

  it('shows the bridge roles and switches one with a click', async () => {
    useLocale('en')
    const w = panel([{ tooth: 14, surfaces: [] }, { tooth: 15, surfaces: [] }, { tooth: 16, surfaces: [] }], {
      toolName: 'Zirconia bridge', bridge: true, roles: { 14: 'pillar', 15: 'pontic', 16: 'pillar' },
    })
    const roles = w.findAll('button').filter(b => /^1[456] · /.test(b.text()))
    expect(roles.map(b => b.text())).toEqual(['14 · pillar', '15 · pontic', '16 · pillar'])
    expect(w.text()).toContain('Zirconia bridge on 14 (pillar) · 15 (pontic) · 16 (pillar)')
    await roles[1]!.trigger('click')
    expect(w.emitted('role')).toEqual([[15, 'pillar']])
  })
})
