/*
grain: one row per CIN plan in the CIN census
materialized: view
definition: |
  CINPlanDates module (DfE CIN census guide): every CIN plan of a census episode (marts.cin_census_children)
  open at some time in the year up to the as-at date: started on or before the as-at date and not ended
  before 1 April. An end after the as-at date reads as still open.
  Source: staging.stg_case__cin_plans.
columns:
  cin_plan_id: The plan (not sent to DfE).
  referral_id: The CIN episode it belongs to.
  child_id: LAchildID.
  start_date: CINPlanStartDate.
  end_date: CINPlanEndDate, if on or before the as-at date.
tests:
  unique: [cin_plan_id]
  not_null: [referral_id, child_id, start_date]
*/
with window_ as (
    select * from marts.cin_census_window
),

census_episodes as (
    select referral_id, child_id from marts.cin_census_children
)

select
    plans.cin_plan_id,
    plans.referral_id,
    census_episodes.child_id,
    plans.start_date,
    case when plans.end_date <= window_.as_at_date then plans.end_date end as end_date
from staging.stg_case__cin_plans as plans
inner join census_episodes on census_episodes.referral_id = plans.referral_id
cross join window_
where plans.start_date <= window_.as_at_date
  and (plans.end_date is null or plans.end_date >= window_.year_start)
