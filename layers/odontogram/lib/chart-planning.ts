import type { EntryCreateInput } from '../models'

/**
 * A planning target: a host that renders the Chart tab and collects the
 * treatments planned on it (a treatment plan does). The chart knows nothing
 * about the host: while a target is given, each treatment charted as planned
 * goes to `plan(input)` instead of `POST /patients/{id}/entries` — the host
 * creates the planned entry itself (through its own API) and may throw the
 * API's error, which the chart shows like its own. Conditions and work
 * recorded as already done are charted as usual.
 *
 * Published for dependent layers as `#layers/odontogram/lib/chart-planning`
 * (with `#layers/odontogram/components/odontogram/OdontogramChartTab.vue`,
 * prop `planning`); see the README, "Planning mode".
 */
export interface ChartPlanningTarget {
  /** Names the target in the chart's banner ("New treatments join {target}"). */
  label: string
  /** Plans one treatment; resolves when the entry exists on the server, rejects with the API's error. */
  plan: (input: EntryCreateInput) => Promise<unknown>
}
