// The guard of the module management routes (core only; not auto-imported).
import type { H3Event } from 'h3'
import { useDb } from '../db'
import { forbidden } from '../utils/errors'
import { requirePermission } from '../utils/auth'
import { findInstallation, findMembership } from './repository'

/**
 * Module management changes the whole installation: the permission in the
 * current clinic AND being an admin of the clinic that owns the installation.
 */
export async function requireModuleAdmin(event: H3Event, permission: 'admin.clinic.read' | 'admin.clinic.write') {
  const auth = await requirePermission(event, permission)
  const owner = await findInstallation(useDb())
  const membership = owner ? await findMembership(useDb(), auth.user.id, owner.owner_clinic_id) : undefined
  if (membership?.role !== 'admin') {
    throw forbidden('modules.not_owner_admin', 'Only administrators of the main clinic can manage modules')
  }
  return auth
}
