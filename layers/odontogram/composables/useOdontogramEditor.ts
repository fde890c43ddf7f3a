import type { MaybeRefOrGetter } from 'vue'
import type { Arch, EntryCreateInput, ToothRole } from '../models'
import type { ChartSurface } from '../lib/chart-geometry'
import { CHART_SURFACES } from '../lib/chart-geometry'
import type { ChartPlanningTarget } from '../lib/chart-planning'
import type { ChartTool, Picked } from '../lib/chart-tools'
import { applyProblem, bridgeRoles, clickOutcome, entryInputs, toolRule } from '../lib/chart-tools'
import { useOdontogramEntries } from './useOdontogramEntries'
import { useOdontogramWords } from './useOdontogramWords'

/**
 * The Chart tab's charting state: the tool in hand, the selected teeth and
 * surfaces, bridge roles and whether treatments are recorded as found done
 * (`existing`). A pick applies at once or grows the selection (lib/chart-tools);
 * `apply()` turns the selection into entries on the server. Nothing here
 * outlives the tab: what was charted is on the server. With a planning
 * target (lib/chart-planning), planned treatments go to the target instead.
 */
export function useOdontogramEditor(
  patientId: MaybeRefOrGetter<string>,
  toolName: (tool: ChartTool) => string,
  planning: MaybeRefOrGetter<ChartPlanningTarget | null> = null,
) {
  const { t } = useI18n()
  const words = useOdontogramWords()
  const entries = useOdontogramEntries(patientId)

  const tool = shallowRef<ChartTool | null>(null)
  const selection = ref<Picked[]>([])
  const roles = ref<Record<number, ToothRole>>({})
  const existing = ref(false)

  const rule = computed(() => (tool.value ? toolRule(tool.value) : null))
  const problem = computed(() => (tool.value ? applyProblem(tool.value, selection.value) : null))
  /** Tooth → selected parts as the chart draws them ("MO", "W"). */
  const selected = computed<Record<number, string>>(() =>
    Object.fromEntries(selection.value.map(p => [p.tooth, p.surfaces.length ? p.surfaces.join('') : 'W'])))

  function setSelection(next: Picked[]) {
    selection.value = next
    if (rule.value?.bridge) roles.value = { ...bridgeRoles(next.map(p => p.tooth)) }
  }

  function choose(next: ChartTool | null) {
    tool.value = next
    // Work on the whole mouth or an arch does not use the teeth picked before.
    if (next && !rule.value?.collects && rule.value?.scope !== 'tooth') selection.value = []
    else if (rule.value?.bridge) setSelection(selection.value.map(p => ({ tooth: p.tooth, surfaces: [] })))
  }

  function said(input: EntryCreateInput, current: ChartTool): string {
    const what = toolName(current)
    const where = words.entryTeeth({ teeth: (input.teeth ?? []).map(x => ({ tooth: x.tooth, surfaces: x.surfaces ?? [], role: x.role ?? null })), scope: input.scope ?? 'tooth', arch: input.arch ?? null })
    const key = current.kind === 'condition' ? 'charted' : input.existing ? 'recorded' : 'planned'
    return t(`odontogram.tools.${key}`, { what, where })
  }

  /** Creates the entries; keeps the tool in hand for the next tooth. */
  async function run(picks: Picked[], arch?: Arch): Promise<boolean> {
    const current = tool.value
    if (!current || entries.isBusy('create')) return false
    let ok = true
    const target = toValue(planning)
    for (const input of entryInputs(current, picks, { existing: existing.value, arch, roles: roles.value })) {
      const planned = target && input.kind === 'treatment' && !input.existing
      ok = (await (planned ? entries.plan(target, input, said(input, current)) : entries.create(input, said(input, current)))) !== null && ok
      if (!ok) break
    }
    if (ok) setSelection([])
    return ok
  }

  /** A tooth (surface null) or a surface was picked on the chart. */
  function pick(target: { tooth: number, surface: ChartSurface | null, additive: boolean }) {
    const outcome = clickOutcome(tool.value, selection.value, target.tooth, target.surface, target.additive)
    if (outcome.action === 'select') setSelection(outcome.selection)
    else void run(outcome.picks, outcome.arch)
  }

  /** Enter on the chart: applies the tool to what was collected, or acts like a click on the focused target. */
  function activate(target: { tooth: number, surface: ChartSurface | null, additive: boolean }) {
    if (tool.value && selection.value.length && !problem.value) void apply()
    else pick(target)
  }

  /** Applies the tool to the selection (Enter, or the Apply button). */
  async function apply(): Promise<boolean> {
    if (!tool.value || problem.value) return false
    return run(selection.value)
  }

  function clear() {
    if (selection.value.length) setSelection([])
    else tool.value = null
  }

  /** The surface buttons of the selected tooth: a surface in or out, the tooth stays selected. */
  function toggleSurface(tooth: number, surface: ChartSurface) {
    setSelection(selection.value.map((p) => {
      if (p.tooth !== tooth) return p
      const surfaces = p.surfaces.includes(surface) ? p.surfaces.filter(s => s !== surface) : [...p.surfaces, surface]
      return { tooth, surfaces: CHART_SURFACES.filter(s => surfaces.includes(s)) }
    }))
  }

  function setRole(tooth: number, role: ToothRole) {
    roles.value = { ...roles.value, [tooth]: role }
  }

  return {
    tool: readonly(tool), selection: computed(() => selection.value), selected, roles: readonly(roles), existing, rule, problem,
    busy: computed(() => entries.isBusy('create')),
    choose, pick, activate, apply, clear, setSelection, toggleSurface, setRole, entries,
  }
}
