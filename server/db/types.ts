import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ErrorParams } from '../../shared/types/envelope'
import type { ModuleOperationKind, ModuleState, OperationStatus, OperationStepName } from '../../shared/types/modules'

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>
/** timestamptz with a database default (`now()`). */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type Json<T = Record<string, unknown>> = ColumnType<T, string | T, string | T>
export type GeneratedJson<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>

export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]

export interface UsersTable {
  id: Generated<string>
  email: string
  first_name: string
  last_name: string
  password_hash: string | null
  is_active: Generated<boolean>
  licence_number: string | null
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
}

export interface ClinicsTable {
  id: Generated<string>
  name: string
  tax_id: string | null
  address: string | null
  phone: string | null
  email: string | null
  timezone: Generated<string>
  currency: Generated<string>
  country: string | null
  language: Generated<string>
  settings: GeneratedJson
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
}

export interface ClinicMembershipsTable {
  id: Generated<string>
  user_id: string
  clinic_id: string
  role: Role
  is_professional: boolean
  /** Active in this clinic; switching it off touches no other clinic. */
  is_active: Generated<boolean>
  created_at: GeneratedTimestamp
}

export type SessionKind = 'session' | 'token'

export interface SessionsTable {
  id: Generated<string>
  token_hash: string
  kind: SessionKind
  user_id: string
  clinic_id: string | null
  ip: string | null
  user_agent: string | null
  created_at: GeneratedTimestamp
  last_seen_at: GeneratedTimestamp
  expires_at: Timestamp
  revoked_at: Timestamp | null
}

export type LinkKind = 'invite' | 'reset'

/**
 * One-time links. `invite`: the membership offered to an account (role,
 * professional flag and the names the inviting admin typed), accepted from
 * the link or in the app; `sets_password` only on the invitation that created
 * the account. `reset`: a password reset issued by an admin who manages the account.
 */
export interface UserInvitesTable {
  id: Generated<string>
  token_hash: string
  kind: ColumnType<LinkKind, LinkKind | undefined, LinkKind>
  user_id: string
  clinic_id: string
  role: Role | null
  is_professional: Generated<boolean>
  first_name: string | null
  last_name: string | null
  licence_number: string | null
  sets_password: Generated<boolean>
  created_by: string | null
  created_at: GeneratedTimestamp
  expires_at: Timestamp
  used_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** No longer written (login_attempts replaced it); kept until a later migration drops it. */
export interface LoginFailuresTable {
  id: Generated<string>
  ip: string
  attempted_at: GeneratedTimestamp
}

/** One reserved login attempt under a limiter key (`ip:…` or `account:…`); see server/auth/rate-limit.ts. */
export interface LoginAttemptsTable {
  id: Generated<string>
  key: string
  attempted_at: GeneratedTimestamp
}

/** The single installation row: who owns this DentalPin (the first clinic created by setup). */
export interface CoreInstallationTable {
  id: number
  owner_clinic_id: string
  initialized_at: GeneratedTimestamp
}

export interface CoreMigrationTable {
  history: string
  name: string
  applied_at: GeneratedTimestamp
}

export type { ModuleOperationKind, ModuleState, OperationStatus } from '../../shared/types/modules'

export interface CoreModuleTable {
  name: string
  state: ModuleState
  installed_version: string | null
  category: 'official' | 'community'
  removable: boolean
  auto_install: boolean
  /** The manifest last seen on disk. */
  manifest: Json
  /** The manifest at the last install or upgrade. */
  installed_manifest: Json | null
  pending_force: Generated<boolean>
  installed_at: Timestamp | null
  last_state_change: GeneratedTimestamp
  /** Why the last operation failed or was skipped: a code and its params (`detail`: the technical text). */
  error_code: string | null
  error_params: Json<ErrorParams> | null
  error_at: Timestamp | null
  created_at: GeneratedTimestamp
}

/** One step of a journal entry, as stored (`steps` jsonb). */
export interface OperationStep {
  step: OperationStepName
  status: 'succeeded' | 'failed'
  started_at: string
  duration_ms: number
  details?: Record<string, unknown>
  error_code?: string
  error_params?: ErrorParams
}

export interface CoreModuleOperationTable {
  id: Generated<string>
  module: string
  operation: ModuleOperationKind
  status: OperationStatus
  from_version: string | null
  to_version: string | null
  plan: GeneratedJson
  steps: GeneratedJson<OperationStep[]>
  error_code: string | null
  error_params: Json<ErrorParams> | null
  failed_step: string | null
  owner: string | null
  requested_by: string | null
  created_at: GeneratedTimestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
}

export interface CoreModuleRecordTable {
  id: Generated<string>
  seq: Generated<number>
  module: string
  external_id: string
  clinic_id: string | null
  table_name: string
  record_id: string
  noupdate: Generated<boolean>
  deleted: Generated<boolean>
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
}

/** A doctor finding an admin has acknowledged (by its stable key); it no longer makes the doctor fail. */
export interface CoreDoctorAcknowledgementTable {
  key: string
  acknowledged_by: string | null
  acknowledged_at: GeneratedTimestamp
}

export interface CoreDatabase {
  users: UsersTable
  clinics: ClinicsTable
  clinic_memberships: ClinicMembershipsTable
  sessions: SessionsTable
  user_invites: UserInvitesTable
  login_failures: LoginFailuresTable
  login_attempts: LoginAttemptsTable
  core_installation: CoreInstallationTable
  core_migration: CoreMigrationTable
  core_module: CoreModuleTable
  core_module_operation: CoreModuleOperationTable
  core_module_record: CoreModuleRecordTable
  core_doctor_acknowledgement: CoreDoctorAcknowledgementTable
}

export type Database = CoreDatabase

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type Clinic = Selectable<ClinicsTable>
export type NewClinic = Insertable<ClinicsTable>
export type ClinicUpdate = Updateable<ClinicsTable>
export type ClinicMembership = Selectable<ClinicMembershipsTable>
export type Session = Selectable<SessionsTable>
