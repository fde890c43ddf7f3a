import { z } from 'zod'
import { isValidTimeZone } from '../clinic-time'

export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export const roleSchema = z.enum(ROLES)
export type RoleName = z.infer<typeof roleSchema>

export const LANGUAGES = ['en', 'es'] as const

const trimmed = (max: number) => z.string().trim().min(1, 'validation.required').max(max)
/** Optional text for creation: missing or empty becomes null. */
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable()
  .transform(v => (v === '' || v === undefined ? null : v))
/** Text for updates: missing stays missing (unchanged); empty or null clears it. */
const patchText = (max: number) => z.string().trim().max(max).nullable().optional()
  .transform(v => (v === '' ? null : v))

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('validation.email'))

export const passwordSchema = z
  .string()
  .min(8, 'validation.password_length')
  .max(200)
  .regex(/\p{L}/u, 'validation.password_letter')
  .regex(/\d/, 'validation.password_digit')

export const timezoneSchema = z.string().trim().refine(isValidTimeZone, 'validation.timezone')
export const currencySchema = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'validation.currency')
export const countrySchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'validation.country')
export const languageSchema = z.enum(LANGUAGES, 'validation.language')
/** An optional country: empty means none. */
const optionalCountry = z.union([z.literal(''), countrySchema]).nullable().optional().transform(v => (v === '' ? null : v))

export const setupSchema = z.object({
  admin_email: emailSchema,
  admin_password: passwordSchema,
  admin_first_name: trimmed(100),
  admin_last_name: trimmed(100),
  clinic_name: trimmed(200),
  clinic_tax_id: optionalText(50),
  timezone: timezoneSchema.optional(),
  currency: currencySchema.optional(),
  country: optionalCountry,
  language: languageSchema.optional(),
})
export type SetupInput = z.input<typeof setupSchema>

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'validation.required').max(254),
  password: z.string().min(1, 'validation.required').max(200),
})
export type LoginInput = z.input<typeof loginSchema>

export const switchClinicSchema = z.object({ clinic_id: z.uuid() })

export const clinicFieldsSchema = z.object({
  name: trimmed(200),
  tax_id: optionalText(50),
  address: optionalText(500),
  phone: optionalText(50),
  email: z.union([z.literal(''), emailSchema]).optional().nullable().transform(v => (v ? v : null)),
  timezone: timezoneSchema.optional(),
  currency: currencySchema.optional(),
  country: optionalCountry,
  language: languageSchema.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
})
export const createClinicSchema = clinicFieldsSchema
export const updateClinicSchema = clinicFieldsSchema.extend({
  tax_id: patchText(50),
  address: patchText(500),
  phone: patchText(50),
  email: z.union([z.literal(''), emailSchema]).nullable().optional().transform(v => (v === '' ? null : v)),
}).partial()

export const createUserSchema = z.object({
  email: emailSchema,
  first_name: trimmed(100),
  last_name: trimmed(100),
  role: roleSchema,
  // Nobody sets another person's password: the new member chooses it from the invite link.
  password: z.unknown().refine(v => v === undefined, 'validation.password_set_by_member').optional(),
  is_professional: z.boolean().optional(),
  licence_number: optionalText(50),
})
export type CreateUserInput = z.input<typeof createUserSchema>

export const updateUserSchema = z.object({
  first_name: trimmed(100).optional(),
  last_name: trimmed(100).optional(),
  role: roleSchema.optional(),
  is_active: z.boolean().optional(),
  is_professional: z.boolean().optional(),
  licence_number: patchText(50),
}).refine(v => Object.values(v).some(x => x !== undefined), { message: 'Nothing to update' })

export const acceptInviteSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
})

export const changePasswordSchema = z.object({
  current_password: z.string().min(1, 'validation.required').max(200),
  new_password: passwordSchema,
})
export type ChangePasswordInput = z.input<typeof changePasswordSchema>

export const resetPasswordSchema = acceptInviteSchema

export const idParamSchema = z.object({ id: z.uuid() })

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(50),
})
