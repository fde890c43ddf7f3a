import { z } from 'zod'

// Zod compiles object parsers with `new Function` unless told not to; the
// Content-Security-Policy forbids eval (no 'unsafe-eval'), and even zod's
// probe for it would be reported as a CSP violation. Set before any form parses.
z.config({ jitless: true })

export default defineNuxtPlugin({
  name: 'zod-jitless',
  enforce: 'pre',
  setup() {},
})
