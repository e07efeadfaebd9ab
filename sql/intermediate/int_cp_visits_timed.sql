/*
grain: one row per visit to a child on a child protection plan, on a plan in the extract
definition: |
  Each CP visit timed against the one before it on the same plan (or the plan start, for the first visit),
  in working days (reference.working_day_calendar: working days strictly after the previous visit up to and
  including this one). Within timescale = gap <= cp_visit_max_working_days (10), a common local standard,
  not a DfE measure. Visits dated outside the plan (before its start or after its end) are kept but flagged.
  Visits to another authority's plan held for history only (intermediate.int_cp_plans_sequenced.is_counted =
  false) are left out, as they are from every other CP measure.
columns:
  cp_visit_id: Visit id.
  cp_plan_id: The plan visited.
  person_id: The child (from the plan).
  plan_start_date: The plan's start date.
  visit_date: Date of the visit.
  previous_visit_date: Date of the previous visit on the same plan; null for the first.
  gap_from_date: The date the gap runs from - the previous visit, or the plan start for the first visit.
  gap_working_days: Working days from gap_from_date to the visit; null when a date is outside the working-day calendar (2009-2028).
  is_within_timescale: True when gap_working_days <= cp_visit_max_working_days; null when the gap cannot be worked out.
  child_seen: True when the child was seen.
  child_seen_alone: True when the child was seen alone.
  is_during_plan: True when the visit falls between the plan's start and end (or the plan is open).
tests:
  unique: [cp_visit_id]
  not_null: [cp_plan_id, visit_date, is_during_plan]
*/
with visits as (
    select * from staging.stg_case__cp_visits
    where visit_date is not null
),

plans as (
    select cp_plan_id, person_id, start_date, end_date from intermediate.int_cp_plans_sequenced
    where is_counted
),

calendar as (
    select calendar_date, working_day_number from reference.working_day_calendar
),

sequenced as (
    select
        visits.cp_visit_id,
        visits.cp_plan_id,
        plans.person_id,
        plans.start_date as plan_start_date,
        plans.end_date as plan_end_date,
        visits.visit_date,
        lag(visits.visit_date) over plan_visits as previous_visit_date,
        visits.child_seen,
        visits.child_seen_alone
    from visits
    inner join plans using (cp_plan_id)
    window plan_visits as (partition by visits.cp_plan_id order by visits.visit_date, visits.cp_visit_id)
),

timed as (
    select
        sequenced.*,
        coalesce(sequenced.previous_visit_date, sequenced.plan_start_date) as gap_from_date,
        visited.working_day_number - gap_from.working_day_number as gap_working_days
    from sequenced
    left join calendar as gap_from
        on gap_from.calendar_date = coalesce(sequenced.previous_visit_date, sequenced.plan_start_date)
    left join calendar as visited on visited.calendar_date = sequenced.visit_date
)

select
    cp_visit_id,
    cp_plan_id,
    person_id,
    plan_start_date,
    visit_date,
    previous_visit_date,
    gap_from_date,
    gap_working_days,
    gap_working_days <= reference.setting_int('cp_visit_max_working_days') as is_within_timescale,
    child_seen,
    child_seen_alone,
    visit_date >= plan_start_date and (plan_end_date is null or visit_date <= plan_end_date) as is_during_plan
from timed
