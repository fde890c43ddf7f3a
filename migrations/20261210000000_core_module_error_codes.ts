import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Failures of module operations are stored as a code and its params (the
// human text only as the `detail` param), on the module row, on the journal
// entry and on each failed step: nothing reads English text back into a code.
// Rows written before keep their text as `detail`.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table core_module add column error_code text, add column error_params jsonb`.execute(db)
  await sql`update core_module set error_code = 'modules.error', error_params = jsonb_build_object('detail', error_message) where error_message is not null`.execute(db)
  await sql`alter table core_module drop column error_message`.execute(db)

  await sql`alter table core_module_operation add column error_code text, add column error_params jsonb`.execute(db)
  await sql`
    update core_module_operation set
      error_code = case
        when status = 'interrupted' then 'modules.interrupted_operation'
        when status = 'failed' and failed_step is not null then 'modules.step_failed.' || failed_step
        when status = 'failed' then 'modules.operation_failed'
        else 'modules.error' end,
      error_params = case
        when status = 'interrupted' then jsonb_build_object('operation', operation)
        when status = 'failed' and failed_step is not null then jsonb_build_object('operation', operation, 'step', failed_step, 'detail', error)
        when status = 'failed' then jsonb_build_object('operation', operation, 'detail', error)
        else jsonb_build_object('detail', error) end
    where error is not null`.execute(db)
  await sql`
    update core_module_operation o set steps = (
      select jsonb_agg(case when s ? 'error'
        then (s - 'error') || jsonb_build_object('error_code', 'modules.step_failed.' || (s ->> 'step'),
          'error_params', jsonb_build_object('operation', o.operation, 'step', s ->> 'step', 'detail', s ->> 'error'))
        else s end order by n)
      from jsonb_array_elements(o.steps) with ordinality as t(s, n))
    where jsonb_array_length(o.steps) > 0`.execute(db)
  await sql`alter table core_module_operation drop column error`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table core_module_operation add column error text`.execute(db)
  await sql`update core_module_operation set error = coalesce(error_params ->> 'detail', error_code) where error_code is not null`.execute(db)
  await sql`
    update core_module_operation o set steps = (
      select jsonb_agg(case when s ? 'error_code'
        then (s - 'error_code' - 'error_params') || jsonb_build_object('error', coalesce(s -> 'error_params' ->> 'detail', s ->> 'error_code'))
        else s end order by n)
      from jsonb_array_elements(o.steps) with ordinality as t(s, n))
    where jsonb_array_length(o.steps) > 0`.execute(db)
  await sql`alter table core_module_operation drop column error_code, drop column error_params`.execute(db)

  await sql`alter table core_module add column error_message text`.execute(db)
  await sql`update core_module set error_message = coalesce(error_params ->> 'detail', error_code) where error_code is not null`.execute(db)
  await sql`alter table core_module drop column error_code, drop column error_params`.execute(db)
}
