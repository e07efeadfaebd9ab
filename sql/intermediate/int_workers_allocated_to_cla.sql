/*
grain: one row per financial year and child looked after at its 31 March (or as-at) snapshot
definition: |
  Children's experience of changes of social worker (DfE stability measures, from 2024): for each child
  looked after at 31 March (intermediate.int_cla_at_period_end, financial years; the as-at date for the
  year in progress), the number of different social workers allocated to them at any time in the year
  (1 April to the snapshot date), including while not looked after. A worker counts when any allocation
  of the child to them (staging.stg_case__involvements, allocated-worker roles) overlaps the year and the
  worker is a registered social worker (HR's record where HR knows the worker, else the case system's:
  an unregistered personal adviser, family support worker or business support officer is not a social
  worker, whichever system alone knows them); a worker unknown to both systems counts. An allocation
  ending on 1 April itself was open during the year and counts (as a CIN census social worker episode
  ending that day would).
columns:
  period_label: Financial year, 2024-25.
  snapshot_date: 31 March, or the as-at date for the year in progress.
  person_id: The child.
  social_workers_in_year: Different social workers allocated to the child in the year.
  has_3plus_social_workers: social_workers_in_year >= setting cla_social_workers_in_year_threshold (3).
tests:
  unique: [period_label, person_id]
  not_null: [period_label, person_id, social_workers_in_year]
*/
with cla as (
    select c.period_label, c.snapshot_date, c.person_id, p.period_start
    from intermediate.int_cla_at_period_end as c
    join reference.reporting_periods as p using (period_type, period_label)
    where c.period_type = 'financial_year'
),

registered as (
    select worker_id, bool_or(is_registered_social_worker) as is_sw from staging.stg_hr__workers group by all
),

-- everyone either system knows: HR's registration first, else the case system's; a worker only HR knows
-- (no case-system account) is judged by HR alone, so an unregistered HR-only worker is not a social worker
workers as (
    select
        coalesce(r.worker_id, p.worker_id) as worker_id,
        coalesce(r.is_sw, p.swe_registration_number is not null) as is_sw
    from registered as r
    full outer join staging.stg_case__professionals as p on p.worker_id = r.worker_id
),

allocations as (
    select i.* from staging.stg_case__involvements as i
    left join workers as w using (worker_id)
    where i.worker_id is not null and i.start_date is not null
      and (i.involvement_role is null or lower(i.involvement_role) like '%allocated%')
      and coalesce(w.is_sw, true)
)

select
    c.period_label, c.snapshot_date, c.person_id,
    count(distinct a.worker_id) as social_workers_in_year,
    count(distinct a.worker_id) >= reference.setting_int('cla_social_workers_in_year_threshold') as has_3plus_social_workers
from cla as c
-- an open allocation (no end date) runs on; coalesce rather than OR keeps every condition a comparison between
-- the two sides, so DuckDB hash-joins on person_id instead of running a nested loop over every pair
left join allocations as a
    on a.person_id = c.person_id and a.start_date <= c.snapshot_date
   and coalesce(a.end_date, date 'infinity') >= c.period_start
group by all
