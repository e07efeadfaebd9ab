/*
grain: one row per allocation in force at the as-at date whose worker HR does not know
definition: |
  WORKER_NOT_IN_HR: an allocation (ssd_involvements) in force on the as-at date (started on or before it,
  not ended or ended after it) naming a worker id that appears in no HR spell (staging.stg_hr__workers,
  worker_id = prof_professional_id), the per-child view of marts.worker_reconciliation's
  holds_cases_not_in_hr. Caseloads, the workforce census and Annex A's allocated worker all rely on the two
  systems agreeing. Nothing is listed when no HR extract has been loaded (every worker would be unknown).
columns:
  rule_code: WORKER_NOT_IN_HR.
  source_table: ssd_involvements.
  record_id: The involvement (allocation) id.
  person_id: The child.
  team_id: Team on the allocation.
  worker_id: The worker HR does not know.
  detail: Start date of the allocation.
tests:
  unique: [record_id]
  not_null: [record_id, person_id, worker_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

hr as (
    select distinct worker_id from staging.stg_hr__workers where worker_id is not null
)

select
    'WORKER_NOT_IN_HR' as rule_code,
    'ssd_involvements' as source_table,
    involvements.involvement_id as record_id,
    involvements.person_id,
    involvements.team_id,
    involvements.worker_id,
    'allocated since ' || strftime(involvements.start_date, '%d/%m/%Y') || '; HR has no record of worker '
        || involvements.worker_id as detail
from staging.stg_case__involvements as involvements
cross join scope
where involvements.person_id is not null
  and involvements.worker_id is not null
  and involvements.start_date <= scope.as_at_date
  and (involvements.end_date is null or involvements.end_date > scope.as_at_date)
  and involvements.worker_id not in (select worker_id from hr)
  and exists (select 1 from hr)
