// English text of the message keys used by shared schemas. The browser shows
// the same keys through i18n (i18n/locales/*.json, "validation" section).
export const validationMessages = {
  'validation.password_length': 'Must be at least 8 characters',
  'validation.password_letter': 'Must contain a letter',
  'validation.password_digit': 'Must contain a digit',
  'validation.email': 'Must be a valid email address',
  'validation.required': 'Required',
  'validation.timezone': 'Must be a valid IANA timezone (e.g. Europe/Madrid)',
  'validation.currency': 'Must be a 3-letter ISO currency code (e.g. EUR)',
  'validation.country': 'Must be a 2-letter ISO country code (e.g. ES)',
  'validation.language': 'Must be one of: en, es',
  'validation.date': 'Must be a date (YYYY-MM-DD)',
  'validation.datetime': 'Must be a date and time with a timezone offset (ISO 8601)',
  'validation.end_after_start': 'Must be after the start',
  'validation.color': 'Must be a colour like #3b82f6',
  'validation.uuid': 'Must be a valid identifier',
  'validation.tooth': 'Must be a tooth number (FDI: 11–48, 51–85)',
  'validation.too_long': 'Too long',
  'validation.past_date': 'Cannot be in the future',
  'validation.date_range': 'Must be between the years 1900 and 2200',
  'validation.allergies_none_with_list': 'Cannot be "no known allergies" with allergies listed',
  'validation.password_set_by_member': 'New members choose their own password from the invite link',
} as const
