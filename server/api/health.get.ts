import { CORE_VERSION } from '../platform/version'

// Liveness: the process answers. No database access.
export default defineEventHandler(() => ok({ status: 'ok', version: CORE_VERSION, uptime_seconds: Math.round(process.uptime()) }))
