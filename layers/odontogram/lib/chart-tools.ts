// What a click on the chart does with the tool in hand (a condition from the
// conditions bar or a catalog treatment from the treatment bar), and the
// entries the selection becomes. Pure, so the interaction rules are tested
// without a browser:
// - no tool: a click selects the tooth or surface (shift/ctrl-click adds);
// - a tool that covers the whole mouth needs no tooth (the bar applies it);
//   an arch tool applies to the clicked tooth's arch;
// - bridges (and other multi-tooth-only work) collect teeth, each with a
//   role (pillars at both ends, pontics between), and apply on Enter/Apply;
// - any other tool applies at once to the clicked surface (or to the whole
//   tooth when the type takes no surfaces); shift/ctrl-click collects first;
//   a click on a whole tooth for work that needs surfaces selects the tooth
//   so its surfaces can be picked.
import type { CatalogItem } from '#layers/catalog/models'
import type { ChartSurface } from './chart-geometry'
import { CHART_SURFACES } from './chart-geometry'
import { ARCH_ROWS, CLINICAL_TYPE_RULES, archOf } from '../models'
import type { Arch, ConditionType, EntryCreateInput, EntryScope, ToothRole } from '../models'

export type ChartTool
  = | { kind: 'condition', type: ConditionType }
    | { kind: 'treatment', item: Pick<CatalogItem, 'id' | 'names' | 'clinical_type' | 'scope' | 'requires_surfaces'> }

/** One selected tooth: the surfaces picked on it (none: the whole tooth). */
export interface Picked {
  tooth: number
  surfaces: ChartSurface[]
}

export interface ToolRule {
  surfaces: 'none' | 'optional' | 'required'
  scope: EntryScope
  /** Collects several teeth before applying (bridges, multi-tooth work). */
  collects: boolean
  bridge: boolean
}

export function toolRule(tool: ChartTool): ToolRule {
  if (tool.kind === 'condition') {
    const rule = CLINICAL_TYPE_RULES[tool.type]
    return { surfaces: rule.surfaces, scope: 'tooth', collects: false, bridge: false }
  }
  const type = tool.item.clinical_type
  const rule = type ? CLINICAL_TYPE_RULES[type] : null
  const surfaces = rule?.surfaces === 'none' ? 'none' : tool.item.requires_surfaces ? 'required' : (rule?.surfaces ?? 'none')
  const bridge = !!rule?.bridge
  return { surfaces, scope: tool.item.scope, collects: bridge || tool.item.scope === 'multi_tooth', bridge }
}

export type ClickOutcome
  = | { action: 'apply', picks: Picked[], arch?: Arch }
    | { action: 'select', selection: Picked[] }

/** Adds the target to the selection, or takes it out again. */
export function toggle(selection: readonly Picked[], tooth: number, surface: ChartSurface | null): Picked[] {
  const current = selection.find(p => p.tooth === tooth)
  if (!current) return [...selection, { tooth, surfaces: surface ? [surface] : [] }]
  if (!surface) return selection.filter(p => p.tooth !== tooth)
  const surfaces = current.surfaces.includes(surface) ? current.surfaces.filter(s => s !== surface) : [...current.surfaces, surface]
  const sorted = CHART_SURFACES.filter(s => surfaces.includes(s))
  return surfaces.length ? selection.map(p => (p.tooth === tooth ? { tooth, surfaces: sorted } : p)) : selection.filter(p => p.tooth !== tooth)
}

export function clickOutcome(tool: ChartTool | null, selection: readonly Picked[], tooth: number, surface: ChartSurface | null, additive: boolean): ClickOutcome {
  if (!tool) return { action: 'select', selection: additive ? toggle(selection, tooth, surface) : [{ tooth, surfaces: surface ? [surface] : [] }] }
  const rule = toolRule(tool)
  if (rule.scope === 'arch') return { action: 'apply', picks: [], arch: archOf(tooth) }
  if (rule.scope === 'mouth') return { action: 'select', selection: [{ tooth, surfaces: [] }] }
  if (rule.collects) return { action: 'select', selection: toggle(selection, tooth, null) }
  if (additive) return { action: 'select', selection: toggle(selection, tooth, rule.surfaces === 'none' ? null : surface) }
  if (rule.surfaces === 'none') return { action: 'apply', picks: [{ tooth, surfaces: [] }] }
  if (surface) return { action: 'apply', picks: [{ tooth, surfaces: [surface] }] }
  if (rule.surfaces === 'optional') return { action: 'apply', picks: [{ tooth, surfaces: [] }] }
  return { action: 'select', selection: [{ tooth, surfaces: [] }] }
}

/** Default bridge roles: the teeth in mouth order, pillars at both ends, pontics between (the dentist may change any). */
export function bridgeRoles(teeth: readonly number[]): Record<number, ToothRole> {
  const row = ARCH_ROWS.find(r => teeth.every(t => r.includes(t)))
  const ordered = row ? row.filter(t => teeth.includes(t)) : [...teeth]
  return Object.fromEntries(ordered.map((t, i) => [t, i === 0 || i === ordered.length - 1 ? 'pillar' : 'pontic']))
}

/** Why the selection cannot be applied yet (an i18n key), or null. */
export function applyProblem(tool: ChartTool, picks: readonly Picked[]): string | null {
  const rule = toolRule(tool)
  if (rule.scope === 'mouth') return null
  if (rule.scope === 'arch') return 'odontogram.tools.pickArch'
  if (!picks.length) return 'odontogram.tools.pickTooth'
  if (rule.bridge && picks.length < 2) return 'odontogram.tools.pickBridge'
  if (rule.surfaces === 'required' && picks.some(p => !p.surfaces.length)) return 'odontogram.tools.pickSurfaces'
  return null
}

/**
 * The entries to create for a selection: one per tooth (each performed on its
 * own visit), or one for the teeth together when the tool collects them
 * (bridges with their roles). `existing`: work found done.
 */
export function entryInputs(tool: ChartTool, picks: readonly Picked[], options: { existing?: boolean, arch?: Arch, roles?: Record<number, ToothRole> } = {}): EntryCreateInput[] {
  const rule = toolRule(tool)
  const base: EntryCreateInput = tool.kind === 'condition'
    ? { kind: 'condition', clinical_type: tool.type }
    : { kind: 'treatment', clinical_type: tool.item.clinical_type ?? undefined, catalog_item_id: tool.item.id, ...(options.existing ? { existing: true } : {}) }
  const tooth = (p: Picked) => ({
    tooth: p.tooth,
    surfaces: rule.surfaces === 'none' ? [] : p.surfaces,
    ...(rule.bridge ? { role: options.roles?.[p.tooth] ?? 'pillar' } : {}),
  })
  if (rule.scope === 'mouth') return [{ ...base, scope: 'mouth', teeth: [] }]
  if (rule.scope === 'arch') return [{ ...base, scope: 'arch', arch: options.arch ?? 'upper', teeth: [] }]
  if (rule.collects) return [{ ...base, scope: 'multi_tooth', teeth: picks.map(tooth) }]
  return picks.map(p => ({ ...base, scope: 'tooth', teeth: [tooth(p)] }))
}
