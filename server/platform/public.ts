// The one import path for module authors: `import { BaseModule } from '#dentalpin'`.
import type { Kysely } from 'kysely'
import { useDb as coreUseDb } from '../db'
// Everything exported here is covered by the deprecation policy (docs/core-api.md).
export { BaseModule } from './module'
export type { ModuleContext, DemoContext, ModuleEntry, ModuleModel, ModuleClass, ModuleEventHandler } from './module'
export { parseManifest, safeParseManifest, ManifestError, OFFICIAL_MODULE } from './manifest'
export type { Manifest, ManifestIssue, NavigationItem } from './manifest'
export { eventBus, EventBus } from './events/bus'
export type { EventHandler, SubscribeOptions } from './events/bus'
export { EVENT_KEYS, EVENT_TYPES } from './events/catalog'
export type { EventPayloads, EventType, ModuleEventPayloads, PayloadOf } from './events/catalog'
export { CORE_VERSION } from './version'
export type { Migration } from '../db/migrator'
export type { ApiResponse, PaginatedApiResponse, ErrorResponse, ErrorItem } from '../../shared/types/envelope'
export { DomainError, notFound, forbidden, conflict, badRequest, unauthorized, invalid } from '../utils/errors'
export { clinicScoped } from '../db/scoped'
// Importable core models (spec §7): row types of the core tables modules may read.
export type { Clinic, ClinicMembership, User, Role, Timestamp, GeneratedTimestamp, Json, GeneratedJson, ClinicsTable, ClinicMembershipsTable, UsersTable } from '../db/types'
export { ROLES } from '../db/types'
export { transaction } from '../db/transaction'
export * from '../../shared/clinic-time'
export * from '../../shared/money'

/** The database of this unit of work's process; modules type it with their own tables. */
export const useDb = coreUseDb as <DB = any>() => Kysely<DB>
