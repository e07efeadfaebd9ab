/*
grain: one row per worker and discrepancy between HR and the case system on the as-at date
definition: |
  Reconciles who HR says is employed (staging.stg_hr__workers, in post on the as-at date) with who the
  case system says holds cases (staging.stg_case__involvements open on the as-at date) and knows
  (staging.stg_case__professionals), on worker_id (= prof_professional_id). Every row is something to
  put right in one system or the other:
  - holds_cases_not_in_hr: holds children's cases but HR has no record of the worker at all.
  - holds_cases_not_employed: holds cases but HR's spells have all ended (or not begun) by the as-at date.
  - held_cases_earlier_not_in_hr: held children's cases at some time in the reporting window (from the
    first reported month, reference.reporting_periods, to the as-at date) but none now, and HR has no
    record of the worker at all: HR keeps leavers for the whole window, so a missing record means an
    unrecorded (typically agency) spell, and that worker's past caseloads were counted on the case
    system's FTE and any leaving is missing from turnover.
  - employed_case_holder_not_in_case_system: HR in post in a case-holding post, no case-system account.
  - employed_case_holder_without_cases: HR in post in a case-holding post, has an account, holds no case
    (often a new starter; a long-standing one is worth a look).
  - agency_flag_differs / fte_differs: both systems know the worker but disagree.
columns:
  as_at_date: The date reconciled.
  worker_id: Worker id.
  discrepancy: What is wrong (see definition).
  in_hr: HR has any record of the worker.
  in_hr_in_post: HR has the worker in post on the as-at date.
  in_case_system: The case system has a professional record.
  cases_held: Children allocated to the worker on the as-at date (case system).
  last_held_date: Last day in the reporting window the worker held a case (case system); the as-at date while they still do.
  hr_role: HR role.
  hr_team_id: HR team.
  case_team_id: Team of the worker's open allocations (case system), or null.
  hr_fte: HR FTE.
  case_fte: Case system FTE.
  hr_is_agency: HR agency flag.
  case_is_agency: Case system agency flag.
tests:
  unique: [worker_id, discrepancy]
  not_null: [worker_id, discrepancy]
*/
with ctx as (
    select as_at_date from reference.run_context
),

hr_any as (
    select distinct worker_id from staging.stg_hr__workers
),

hr_now as (
    select w.* from staging.stg_hr__workers as w, ctx
    where w.start_date <= ctx.as_at_date and (w.leave_date is null or w.leave_date >= ctx.as_at_date)
    qualify row_number() over (partition by w.worker_id order by w.start_date desc) = 1
),

held as (
    select i.worker_id, count(distinct i.person_id) as cases_held, mode(i.team_id) as case_team_id
    from staging.stg_case__involvements as i, ctx
    where i.worker_id is not null and reference.in_force(i.start_date, i.end_date, ctx.as_at_date)
      and (i.involvement_role is null or lower(i.involvement_role) like '%allocated%')
    group by all
),

professionals as (
    select * from staging.stg_case__professionals
),

window_start as (
    select min(period_start) as first_day from reference.reporting_periods
),

-- an allocation ending on D was held until D (the case is handed over or closed that day)
held_in_window as (
    select i.worker_id, max(least(coalesce(i.end_date, ctx.as_at_date), ctx.as_at_date)) as last_held_date
    from staging.stg_case__involvements as i, ctx, window_start as w
    where i.worker_id is not null and i.start_date <= ctx.as_at_date
      and coalesce(i.end_date, date 'infinity') >= w.first_day
      and (i.involvement_role is null or lower(i.involvement_role) like '%allocated%')
    group by all
),

people as (
    select worker_id from hr_now
    union select worker_id from held
    union select worker_id from held_in_window
),

facts as (
    select
        x.worker_id,
        a.worker_id is not null as in_hr,
        n.worker_id is not null as in_hr_in_post,
        p.worker_id is not null as in_case_system,
        coalesce(h.cases_held, 0) as cases_held,
        hw.last_held_date,
        n.role as hr_role, n.team_id as hr_team_id, h.case_team_id,
        n.fte as hr_fte, p.fte as case_fte, n.is_agency as hr_is_agency, p.is_agency as case_is_agency,
        coalesce(n.is_case_holding, false) as hr_case_holding
    from people as x
    left join hr_any as a using (worker_id)
    left join hr_now as n using (worker_id)
    left join held as h using (worker_id)
    left join held_in_window as hw using (worker_id)
    left join professionals as p using (worker_id)
),

discrepancies as (
    select *, 'holds_cases_not_in_hr' as discrepancy from facts where cases_held > 0 and not in_hr
    union all
    select *, 'holds_cases_not_employed' from facts where cases_held > 0 and in_hr and not in_hr_in_post
    union all
    select *, 'held_cases_earlier_not_in_hr' from facts where cases_held = 0 and last_held_date is not null and not in_hr
    union all
    select *, 'employed_case_holder_not_in_case_system' from facts where in_hr_in_post and hr_case_holding and not in_case_system
    union all
    select *, 'employed_case_holder_without_cases' from facts
    where in_hr_in_post and hr_case_holding and in_case_system and cases_held = 0
    union all
    select *, 'agency_flag_differs' from facts
    where in_hr_in_post and in_case_system and hr_is_agency is distinct from case_is_agency
      and hr_is_agency is not null and case_is_agency is not null
    union all
    select *, 'fte_differs' from facts
    where in_hr_in_post and in_case_system and abs(hr_fte - case_fte) > 0.01
)

select
    ctx.as_at_date, d.worker_id, d.discrepancy, d.in_hr, d.in_hr_in_post, d.in_case_system, d.cases_held, d.last_held_date,
    d.hr_role, d.hr_team_id, d.case_team_id, d.hr_fte, d.case_fte, d.hr_is_agency, d.case_is_agency
from discrepancies as d
cross join ctx
order by d.discrepancy, d.worker_id
