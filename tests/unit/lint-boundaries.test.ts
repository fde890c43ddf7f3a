import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDepends } from '../../eslint/layer-boundaries.mjs'

// The repository's own eslint.config.mjs, as `npm run lint` runs it: a layer that
// reaches into the core or into a module it does not depend on fails the lint.
const root = fileURLToPath(new URL('../..', import.meta.url))
const RULE = 'dentalpin/layer-boundaries'
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function boundaryErrors(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter(m => m.ruleId === RULE || m.fatal).map(m => m.message)
}

describe('layer boundaries (eslint)', () => {
  it('refuses the core server through ~~/', async () => {
    const errors = await boundaryErrors(`import { x } from '~~/server/utils/x'\nexport const y = x\n`, 'layers/agenda/server/services/probe.ts')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('~~/server/utils/x')
  })

  it('refuses the core app through ~/ and @/', async () => {
    const errors = await boundaryErrors(`import { a } from '~/composables/useModuleAdmin'\nimport { b } from '@/stores/auth'\nexport const y = [a, b]\n`, 'layers/patients/composables/probe.ts')
    expect(errors).toHaveLength(2)
  })

  it('refuses a relative path leaving the layer into the core', async () => {
    const errors = await boundaryErrors(`import { useDb } from '../../../../server/db'\nexport const y = useDb\n`, 'layers/agenda/server/services/probe.ts')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('server/db')
  })

  it('refuses a module that is not a dependency, in .vue files too', async () => {
    expect(await boundaryErrors(`import type { PatientTimeline } from '#layers/patient_timeline/models'\nexport type T = PatientTimeline\n`, 'layers/agenda/models.probe.ts'))
      .toEqual([expect.stringContaining('agenda does not depend on patient_timeline')])
    const vue = `<script setup lang="ts">\nimport type { Appointment } from '#layers/agenda/models'\ndefineProps<{ a: Appointment }>()\n</script>\n\n<template>\n  <div />\n</template>\n`
    expect(await boundaryErrors(vue, 'layers/patient_timeline/components/ProbeCard.vue')).toHaveLength(1)
  })

  it('accepts its own files, its dependencies\' models and the public API', async () => {
    const code = [
      `import type { Patient } from '#layers/patients/models'`,
      `import type { Appointment } from '#layers/agenda/models'`,
      `import { BaseModule } from '#dentalpin'`,
      `import type { ApiResponse } from '#shared/types/envelope'`,
      `import { z } from 'zod'`,
      `import { params } from '../params'`,
      `export const y: [Patient?, Appointment?, ApiResponse<null>?] = []`,
      `export { BaseModule, z, params }`,
      '',
    ].join('\n')
    expect(await boundaryErrors(code, 'layers/agenda/server/services/probe.ts')).toEqual([])
  })

  it('does not apply to the core itself', async () => {
    expect(await boundaryErrors(`import { useDb } from '~~/server/db'\nexport const y = useDb\n`, 'server/api/probe.ts')).toEqual([])
  })
})

describe('readDepends', () => {
  it('reads the names of the official manifests\' depends', () => {
    expect(readDepends(`${root}/layers/agenda/module.ts`)).toEqual(['patients', 'clinical_notes'])
    expect(readDepends(`${root}/layers/clinical_notes/module.ts`)).toEqual(['patients'])
    expect(readDepends(`${root}/layers/patients/module.ts`)).toEqual([])
  })
})
