/*
grain: one row per child protection plan open at some time in the Annex A window
definition: |
  Annex A List 7 (child protection). Who is on it: every CP plan of this authority open at the as-at date
  or ended in the window: start date on or before the as-at date and no end date, or an end date on or
  after window_start (a plan ending on window_start ended in the window). One row per plan. An end date
  after the as-at date is not shown. Another authority's plan held for history is never listed (as in the
  marts). Source: intermediate.int_cp_plans_sequenced; on a plan at the as-at date is the rule of
  intermediate.int_cp_plans_open_at_period_end (start <= date, no end or end after it), so the distinct
  children with an open plan equal marts.cp_plans children_on_plan at that date.
  - Last statutory visit / seen alone: the latest visit on the plan on or before the as-at date.
  - Latest review conference: the latest review of the plan held on or before the as-at date.
  - Emergency protection order or police protection in the last six months: a legal status L1 (police
    protection) or L2 (EPO) starting in the six months up to and including the as-at date (six months
    whatever --months says: the header names the period).
  - Allocated team/worker: the allocation on the as-at date (marts.annex_a_children); for a plan that
    ended in the window with no allocation left at the as-at date, the allocation in force on the day the
    plan ended (the latest-starting one), so a closed plan still names who held it.
  - Number of previous CP plans: the child's earlier plans in the extract, any authority.
columns:
  cp_plan_id: CP plan id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  has_disability: Disability recorded (null = unknown).
  plan_start_date: CP plan start date.
  initial_category: Initial category of abuse (neglect, physical, sexual, emotional, multiple, unrecognised, not_recorded).
  latest_category: Latest category of abuse.
  last_visit_date: Date of the last statutory visit.
  last_visit_seen_alone: Child seen alone at that visit.
  last_review_date: Date of the latest review conference.
  plan_end_date: Plan end date, if on or before the as-at date.
  is_open_at_as_at: The plan is open at the as-at date.
  emergency_protection_in_window: EPO or police protection started in the window.
  previous_plans: Number of previous CP plans.
  allocated_team: Allocated team (at the as-at date, else when the plan ended).
  allocated_worker: Allocated worker id (at the as-at date, else when the plan ended).
tests:
  unique: [cp_plan_id]
  not_null: [child_id, plan_start_date, is_open_at_as_at, emergency_protection_in_window, previous_plans]
*/
with window_ as (
    select * from marts.annex_a_window
),

plans as (
    select plans.*, window_.as_at_date,
        plans.end_date is null or plans.end_date > window_.as_at_date as is_open_at_as_at
    from intermediate.int_cp_plans_sequenced as plans
    cross join window_
    where plans.is_counted
      and plans.start_date <= window_.as_at_date
      and (plans.end_date is null or plans.end_date >= window_.window_start)
),

last_visit as (
    select visits.cp_plan_id, max(visits.visit_date) as last_visit_date,
        arg_max(visits.child_seen_alone, visits.visit_date) as last_visit_seen_alone
    from staging.stg_case__cp_visits as visits
    cross join window_
    where visits.visit_date <= window_.as_at_date
    group by visits.cp_plan_id
),

last_review as (
    select reviews.cp_plan_id, max(reviews.review_date) as last_review_date
    from staging.stg_case__cp_reviews as reviews
    cross join window_
    where reviews.review_date <= window_.as_at_date
    group by reviews.cp_plan_id
),

emergency as (
    select distinct legal.person_id
    from staging.stg_case__legal_status as legal
    cross join window_
    where legal.legal_status_code in ('L1', 'L2')
      and legal.start_date > cast(window_.as_at_date - to_months(6) as date)
      and legal.start_date <= window_.as_at_date
),

allocation_at_end as (
    select
        plans.cp_plan_id,
        arg_max(involvements.team_id, involvements.start_date) as team_id,
        arg_max(involvements.worker_id, involvements.start_date) as worker_id
    from plans
    inner join staging.stg_case__involvements as involvements
        on involvements.person_id = plans.person_id
        and involvements.start_date <= plans.end_date
        and (involvements.end_date is null or involvements.end_date >= plans.end_date)
    where not plans.is_open_at_as_at
    group by plans.cp_plan_id
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    plans.cp_plan_id,
    plans.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    children.has_disability,
    plans.start_date as plan_start_date,
    plans.initial_category,
    plans.latest_category,
    last_visit.last_visit_date,
    last_visit.last_visit_seen_alone,
    last_review.last_review_date,
    case when not plans.is_open_at_as_at then plans.end_date end as plan_end_date,
    plans.is_open_at_as_at,
    emergency.person_id is not null as emergency_protection_in_window,
    plans.plan_sequence - 1 as previous_plans,
    coalesce(children.allocated_team, teams.team_name, allocation_at_end.team_id) as allocated_team,
    coalesce(children.allocated_worker, allocation_at_end.worker_id) as allocated_worker
from plans
left join children on children.child_id = plans.person_id
left join last_visit on last_visit.cp_plan_id = plans.cp_plan_id
left join last_review on last_review.cp_plan_id = plans.cp_plan_id
left join emergency on emergency.person_id = plans.person_id
left join allocation_at_end on allocation_at_end.cp_plan_id = plans.cp_plan_id
left join teams on teams.team_id = allocation_at_end.team_id
order by plans.start_date, plans.cp_plan_id
