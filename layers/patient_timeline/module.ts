import { BaseModule, OFFICIAL_MODULE, useDb } from '#dentalpin'
import type { ModuleEventHandler } from '#dentalpin'
import type { TimelineDb } from './server/repositories/timeline'
import { recordTimelineEvent, TIMELINE_EVENTS } from './server/services/recorder'

/**
 * Patient timeline: an append-only history of what happened to each
 * patient, written only by its event handlers (server/services/recorder.ts) from
 * the core event catalog. Readers use `PatientTimeline` from
 * `#layers/patient_timeline/models`.
 */
export default class PatientTimelineModule extends BaseModule {
  static override manifest = {
    name: 'patient_timeline',
    version: '1.1.0',
    min_core_version: '0.1.0',
    summary: 'A chronological history of each patient',
    ...OFFICIAL_MODULE,
    depends: ['patients@^1.0'],
    role_permissions: {
      admin: ['*'],
      dentist: ['read'],
      hygienist: ['read'],
      assistant: ['read'],
      receptionist: ['read'],
    },
  }

  override getPermissions() {
    return ['read']
  }

  override getModels() {
    return [{ table: 'patient_timeline' }]
  }

  /** One handler per catalog event that can name a patient; each appends at most one entry. */
  // publisherOnly: with several instances on one PostgreSQL database, each entry is written once.
  override getEventHandlers(): Record<string, ModuleEventHandler> {
    return Object.fromEntries(TIMELINE_EVENTS.map(event => [
      event,
      { handler: (payload: Record<string, unknown>) => recordTimelineEvent(useDb<TimelineDb>(), event, payload), publisherOnly: true },
    ]))
  }
}
