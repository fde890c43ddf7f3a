// The shape rules of a chart entry (README.md, "Rules"), pure so the server
// and the chart's forms say the same: FDI numbers, surfaces only where the
// clinical type takes them, scopes, bridges, and what a tooth charted missing
// may still receive. Each problem is an issue naming its field
// (`teeth[0].tooth`), so one 422 reports them all.
import { ARCH_ROWS, CLINICAL_TYPE_RULES, isFdiTooth } from './odontogram-vocabulary'
import type { Arch, ClinicalType, EntryKind, EntryScope, Surface, ToothRole } from './odontogram-vocabulary'

export interface RuleIssue {
  field: string
  code: string
  message: string
}

export interface EntryShape {
  kind: EntryKind
  clinical_type: ClinicalType
  teeth: readonly { tooth: number, surfaces: readonly Surface[], role: ToothRole | null }[]
  scope?: EntryScope
  arch: Arch | null
  status?: 'planned' | 'performed'
  existing: boolean
}

/** The scope an entry has when none is sent: from its teeth (none: the arch named, or the mouth). */
export function defaultScope(teeth: number, arch: Arch | null): EntryScope {
  if (teeth === 0) return arch ? 'arch' : 'mouth'
  return teeth === 1 ? 'tooth' : 'multi_tooth'
}

const issue = (field: string, code: string, message: string): RuleIssue => ({ field, code: `odontogram.${code}`, message })

function toothIssues(shape: EntryShape): RuleIssue[] {
  const rule = CLINICAL_TYPE_RULES[shape.clinical_type]
  const out: RuleIssue[] = []
  const seen = new Set<number>()
  shape.teeth.forEach(({ tooth, surfaces, role }, i) => {
    const at = `teeth[${i}]`
    if (!isFdiTooth(tooth)) out.push(issue(`${at}.tooth`, 'invalid_tooth', 'Must be an FDI tooth number (11–48, 51–85)'))
    else if (seen.has(tooth)) out.push(issue(`${at}.tooth`, 'duplicate_tooth', 'This tooth is already in the entry'))
    seen.add(tooth)
    if (surfaces.length > 0 && rule.surfaces === 'none') out.push(issue(`${at}.surfaces`, 'surfaces_not_allowed', 'This clinical type takes no surfaces'))
    else if (surfaces.length === 0 && rule.surfaces === 'required') out.push(issue(`${at}.surfaces`, 'surfaces_required', 'Choose at least one surface'))
    else if (new Set(surfaces).size !== surfaces.length) out.push(issue(`${at}.surfaces`, 'duplicate_surface', 'A surface is named twice'))
    if (rule.bridge && role === null) out.push(issue(`${at}.role`, 'role_required', 'Each tooth of a bridge is a pillar or a pontic'))
    if (!rule.bridge && role !== null) out.push(issue(`${at}.role`, 'role_not_allowed', 'Only bridge teeth have a role'))
  })
  return out
}

function scopeIssues(shape: EntryShape, scope: EntryScope): RuleIssue[] {
  const rule = CLINICAL_TYPE_RULES[shape.clinical_type]
  const n = shape.teeth.length
  if (!rule.scopes.includes(scope)) return [issue('scope', 'scope_not_allowed', `This clinical type is charted on: ${rule.scopes.join(', ')}`)]
  const out: RuleIssue[] = []
  if (scope === 'tooth' && n !== 1) out.push(issue('teeth', 'one_tooth', 'Name exactly one tooth'))
  if (scope === 'multi_tooth' && n < 2) out.push(issue('teeth', 'several_teeth', 'Name two or more teeth'))
  if ((scope === 'arch' || scope === 'mouth') && n > 0) out.push(issue('teeth', 'no_teeth', 'An arch or mouth entry names no teeth'))
  if (scope === 'arch' && shape.arch === null) out.push(issue('arch', 'arch_required', 'Choose the upper or lower arch'))
  if (scope !== 'arch' && shape.arch !== null) out.push(issue('arch', 'arch_not_allowed', 'Only arch entries name an arch'))
  return out
}

/** Bridges: two or more neighbouring teeth of one arch, a pillar at each end. */
export function bridgeIssues(teeth: EntryShape['teeth']): RuleIssue[] {
  if (teeth.length < 2 || !teeth.every(t => isFdiTooth(t.tooth))) return []
  const row = ARCH_ROWS.find(r => r.includes(teeth[0]!.tooth))!
  const positions = teeth.map(t => row.indexOf(t.tooth)).sort((a, b) => a - b)
  if (positions[0] === -1 || positions.some((p, i) => i > 0 && p !== positions[i - 1]! + 1)) {
    return [issue('teeth', 'bridge_not_contiguous', 'A bridge spans neighbouring teeth of one arch')]
  }
  const roleAt = (position: number) => teeth.find(t => t.tooth === row[position])!.role
  if (roleAt(positions[0]!) !== 'pillar' || roleAt(positions.at(-1)!) !== 'pillar') {
    return [issue('teeth', 'bridge_pillars', 'A bridge needs a pillar at each end')]
  }
  return []
}

function statusIssues(shape: EntryShape): RuleIssue[] {
  const rule = CLINICAL_TYPE_RULES[shape.clinical_type]
  const out: RuleIssue[] = []
  if (rule.kind !== shape.kind) out.push(issue('clinical_type', 'type_kind_mismatch', `This clinical type is a ${rule.kind}`))
  if (shape.kind === 'condition' && shape.status !== undefined) out.push(issue('status', 'status_not_allowed', 'Conditions have no status'))
  if (shape.kind === 'condition' && shape.existing) out.push(issue('existing', 'existing_not_allowed', 'Only treatments are recorded as existing work'))
  if (shape.existing && shape.status === 'planned') out.push(issue('status', 'existing_is_performed', 'Existing work is already performed'))
  return out
}

/** Every shape problem of an entry, and the scope it gets. */
export function entryIssues(shape: EntryShape): { issues: RuleIssue[], scope: EntryScope } {
  const scope = shape.scope ?? defaultScope(shape.teeth.length, shape.arch)
  const kindIssues = statusIssues(shape)
  // A type of the other kind: its tooth rules would only add noise.
  if (kindIssues.some(i => i.field === 'clinical_type')) return { issues: kindIssues, scope }
  const issues = [...kindIssues, ...toothIssues(shape), ...scopeIssues(shape, scope)]
  if (CLINICAL_TYPE_RULES[shape.clinical_type].bridge && issues.length === 0) issues.push(...bridgeIssues(shape.teeth))
  return { issues, scope }
}

/** What the catalog item says about the entry it prices. */
export interface ChartedItem {
  scope: EntryScope
  requires_surfaces: boolean
  clinical_type: ClinicalType | null
}

/** An item of scope `tooth` prices one or several teeth (per tooth); the other scopes must match. */
export function itemIssues(item: ChartedItem, shape: EntryShape, scope: EntryScope): RuleIssue[] {
  const out: RuleIssue[] = []
  if (item.clinical_type !== null && item.clinical_type !== shape.clinical_type) {
    out.push(issue('clinical_type', 'item_type_mismatch', 'The catalog item charts as another clinical type'))
  }
  const fits = item.scope === scope || (item.scope === 'tooth' && scope === 'multi_tooth')
  if (!fits) out.push(issue('catalog_item_id', 'item_scope_mismatch', `The catalog item is for scope ${item.scope}`))
  if (item.requires_surfaces) {
    shape.teeth.forEach((t, i) => {
      if (t.surfaces.length === 0) out.push(issue(`teeth[${i}].surfaces`, 'surfaces_required', 'Choose at least one surface'))
    })
  }
  return out
}

/**
 * The first tooth of the entry that is charted missing and cannot take it
 * (409): only types marked `onMissingTooth` go on a missing tooth, and in a
 * bridge only as a pontic (the pillars need a tooth).
 */
export function missingToothConflict(shape: Pick<EntryShape, 'clinical_type' | 'teeth'>, isMissing: (tooth: number) => boolean): number | null {
  const rule = CLINICAL_TYPE_RULES[shape.clinical_type]
  for (const t of shape.teeth) {
    if (!isMissing(t.tooth)) continue
    if (!rule.onMissingTooth || (rule.bridge && t.role !== 'pontic')) return t.tooth
  }
  return null
}
