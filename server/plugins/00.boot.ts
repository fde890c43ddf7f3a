import { isProduction } from '../platform/env'
import { consola } from 'consola'
import { useDb } from '../db'
import { boot, shutdown } from '../platform/boot'
import { demoBanner, seedDemo } from '../platform/demo'
import { startPlatform } from '../platform'

const log = consola.withTag('dentalpin')

function publicUrl(): string {
  const host = process.env.NITRO_HOST || process.env.HOST || 'localhost'
  const port = process.env.NITRO_PORT || process.env.PORT || '3000'
  return process.env.DENTALPIN_PUBLIC_URL || `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`
}

// Start-up runs before traffic is admitted (see middleware/01.ready.ts).
export default defineNitroPlugin((nitroApp) => {
  const demo = String(useRuntimeConfig().demo) === 'true'
  const started = boot({
    afterMigrate: [
      // A failing platform is reported and the core still serves (sign-in, settings, doctor).
      async () => {
        await startPlatform(useDb()).catch(error => log.error('module platform failed to start:', error))
      },
      ...(demo
        ? [async () => {
            if (await seedDemo(useDb())) log.success('Demo clinic and users created.')
          }]
        : []),
    ],
  }).then(() => {
    if (demo && !isProduction()) console.log(demoBanner(publicUrl()))
    else log.info(`DentalPin ready at ${publicUrl()}`)
  })

  nitroApp.hooks.hook('close', async () => {
    await started.catch(() => {})
    await shutdown()
  })
})
