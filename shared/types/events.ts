/**
 * Events that modules publish beyond the core catalog
 * (server/platform/events/catalog.ts), with their payloads. Empty in the core:
 * a module that publishes its own events declares them, so `publish()` and
 * subscribers type the payload:
 *
 * ```ts
 * declare module '#shared/types/events' {
 *   interface ModuleEventPayloads { 'odontogram.treatment_planned': { entry_id: string, ... } }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ModuleEventPayloads {}
