/**
 * Whether JSON text nests arrays/objects deeper than `max`, found by one pass
 * over the characters (brackets inside strings do not count). Run before the
 * text is parsed, so a 100 000-deep array never reaches a recursive walker.
 * Malformed text is left to the parser.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 0x5C) i++ // backslash: skip the escaped character
      else if (ch === 0x22) inString = false
      continue
    }
    if (ch === 0x22) inString = true
    else if (ch === 0x5B || ch === 0x7B) {
      if (++depth > max) return true
    }
    else if (ch === 0x5D || ch === 0x7D) depth--
  }
  return false
}
