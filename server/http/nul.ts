import { formatPath } from '#shared/validation'

const NUL = '\u0000'

interface Step {
  value: unknown
  key: PropertyKey | null
  parent: Step | null
}

function pathOf(step: Step): string {
  const path: PropertyKey[] = []
  for (let s: Step | null = step; s && s.key !== null; s = s.parent) path.push(s.key)
  return formatPath(path.reverse()) || '(root)'
}

/** A key named without its NUL, so the answer never carries one. */
const named = (key: string) => key.replaceAll(NUL, '\\u0000')

/**
 * The paths (`name`, `allergies[1]`, `a.b`) of the strings in a parsed input
 * (body, query, route params) that contain U+0000, which PostgreSQL refuses in
 * text. Object keys count too. Walks with an explicit stack and parent links
 * (linear in the size of the input, however deep), stopping after `limit`
 * findings.
 */
export function nulPaths(input: unknown, limit = 20): string[] {
  const found: string[] = []
  const stack: Step[] = [{ value: input, key: null, parent: null }]
  while (stack.length > 0 && found.length < limit) {
    const step = stack.pop()!
    const { value } = step
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push(pathOf(step))
    }
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: step })
    }
    else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!
        const next: Step = { value: child, key: named(key), parent: step }
        if (key.includes(NUL)) found.push(pathOf(next))
        stack.push(next)
      }
    }
  }
  return found
}
