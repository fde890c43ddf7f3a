import type { OdontogramChart, OdontogramEntry } from '../models'
import { surfaceWord } from '../lib/chart-geometry'
import type { ChartSurface } from '../lib/chart-geometry'

/** An entry's state on the chart: a finding, or a treatment planned / performed / found done / cancelled. */
export type EntryState = 'condition' | 'planned' | 'performed' | 'existing' | 'cancelled'

export function entryState(entry: Pick<OdontogramEntry, 'kind' | 'status' | 'existing'>): EntryState {
  if (entry.kind === 'condition') return 'condition'
  if (entry.status === 'cancelled') return 'cancelled'
  if (entry.status === 'performed') return entry.existing ? 'existing' : 'performed'
  return 'planned'
}

/**
 * The chart in words, in the reader's language: type and surface names, an
 * entry's title and teeth ("16 MO", "14–16"), and each tooth's state for its
 * tooltip ("Caries (O), to do · Composite filling (O), planned").
 */
export function useOdontogramWords() {
  const { t, locale } = useI18n()

  const typeName = (type: string) => t(`odontogram.types.${type}`)
  const stateName = (state: EntryState) => t(`odontogram.state.${state}`)
  const letters = (tooth: number, surfaces: readonly string[]) =>
    surfaces.map(s => t(`odontogram.surface.letter.${surfaceWord(s as ChartSurface, tooth)}`)).join('')
  const surfaceName = (tooth: number, surface: ChartSurface) => t(`odontogram.surface.name.${surfaceWord(surface, tooth)}`)

  /** The catalog item's name in the reader's language (English as the fallback), else the clinical type. */
  function entryTitle(entry: Pick<OdontogramEntry, 'clinical_type' | 'catalog_item'>): string {
    const names = entry.catalog_item?.names
    return names ? (names[locale.value] || names.en || typeName(entry.clinical_type)) : typeName(entry.clinical_type)
  }

  /** "16 MO", "14 · 15 · 16", "Upper arch", "Whole mouth". */
  function entryTeeth(entry: Pick<OdontogramEntry, 'teeth' | 'scope' | 'arch'>): string {
    if (entry.scope === 'mouth' && !entry.teeth.length) return t('odontogram.scope.mouth')
    if (entry.scope === 'arch' && !entry.teeth.length) return t(`odontogram.scope.${entry.arch ?? 'upper'}`)
    return entry.teeth.map((x) => {
      const s = letters(x.tooth, x.surfaces)
      const role = x.role ? ` (${t(`odontogram.role.${x.role}`)})` : ''
      return `${x.tooth}${s ? ` ${s}` : ''}${role}`
    }).join(' · ')
  }

  /** Each charted tooth's state in words (a tooth with nothing charted is absent: "Healthy"). */
  function toothSummaries(chart: Pick<OdontogramChart, 'teeth' | 'entries'>): Record<number, string> {
    const parts = new Map<number, string[]>()
    const add = (tooth: number, text: string) => parts.set(tooth, [...(parts.get(tooth) ?? []), text])
    for (const state of chart.teeth) if (!state.present) add(state.tooth, t('odontogram.chart.missing'))
    for (const entry of chart.entries) {
      // A missing tooth is said once, from its state.
      if (entry.status === 'cancelled' || entry.clinical_type === 'missing') continue
      const state = stateName(entryState(entry))
      for (const x of entry.teeth) {
        const s = letters(x.tooth, x.surfaces)
        add(x.tooth, `${entryTitle(entry)}${s ? ` (${s})` : ''}, ${state}`)
      }
    }
    return Object.fromEntries([...parts].map(([tooth, list]) => [tooth, list.join(' · ')]))
  }

  return { typeName, stateName, letters, surfaceName, entryTitle, entryTeeth, toothSummaries }
}
