// Reading an event's payload defensively: a value of the wrong shape is null (or empty), never an exception.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const uuid = (v: unknown): string | null => (typeof v === 'string' && UUID.test(v) ? v : null)
export const text = (v: unknown, max = 200): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (typeof v !== 'string') return null
  const trimmed = v.trim()
  return trimmed ? trimmed.slice(0, max) : null
}
export const date = (v: unknown): Date | null => {
  if (!(v instanceof Date) && typeof v !== 'string') return null
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
