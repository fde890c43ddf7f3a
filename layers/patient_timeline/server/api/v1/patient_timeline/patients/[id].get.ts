import { z } from 'zod'
import { useDb } from '#dentalpin'
import { timelineQuerySchema } from '../../../../../models'
import type { TimelineDb } from '../../../../repositories/timeline'
import { listPatientTimeline } from '../../../../services/timeline'

const params = z.object({ id: z.uuid() })

// A patient's timeline, newest first, optionally filtered by category (repeatable).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patient_timeline.read')
  const { id } = parseParams(event, params)
  const query = parseQuery(event, timelineQuerySchema)
  const { items, total } = await listPatientTimeline(useDb<TimelineDb>(), auth.clinicId, id, query)
  return paginated(items, total, query.page, query.page_size)
})
