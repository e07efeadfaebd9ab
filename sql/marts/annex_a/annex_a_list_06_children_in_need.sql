/*
grain: one row per child in need episode open at some time in the Annex A window
definition: |
  Annex A List 6 (children in need, including those on CP plans and looked after). Who is on it: every CIN
  episode (referral) open at some time in the window: referral date on or before the as-at date and not
  closed before window_start (an episode closing on window_start is listed as closed). One row per episode.
  A closure after the as-at date is not shown. Referrals that resulted in no further action are not
  children in need and are never listed here (they are on List 3 with "Referral NFA?" = yes), whatever
  their dates. Open at the as-at date and the NFA exclusion are the rule of
  intermediate.int_cin_episodes_open_at_period_end (referral date <= date, no close date or closed after
  it, not NFA), so the distinct children with an episode open at the as-at date are exactly the children
  counted in marts.children_in_need children_in_need at that date (data test
  open_children_are_the_marts_children_in_need). Source: staging.stg_case__cin_episodes.
  - Case status at the as-at date, first that applies: closed (episode closed by then), looked after
    (intermediate.int_cla_periods_of_care), CP plan (this authority's plan open: int_cp_plans_sequenced),
    CIN plan (stg_case__cin_plans open), otherwise open assessment.
  - Date child was last seen: latest CIN, CP or CLA visit on or before the as-at date at which the child
    was seen.
columns:
  referral_id: Referral / CIN episode id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  has_disability: Disability recorded (null = unknown).
  cin_start_date: Referral date (CIN start date).
  primary_need_code: Primary need code N0-N9.
  last_seen_date: Date the child was last seen.
  cin_closure_date: Closure date, if on or before the as-at date.
  closure_reason_code: Reason for closure RC1-RC9, if closed by the as-at date.
  case_status: closed, looked_after, cp_plan, cin_plan or open_assessment, at the as-at date.
  is_open_at_as_at: The episode is open at the as-at date.
  allocated_team: Allocated team.
  allocated_worker: Allocated worker id.
tests:
  unique: [referral_id]
  not_null: [child_id, cin_start_date, case_status, is_open_at_as_at]
*/
with window_ as (
    select * from marts.annex_a_window
),

episodes as (
    select episodes.*, window_.as_at_date,
        episodes.close_date is null or episodes.close_date > window_.as_at_date as is_open_at_as_at
    from staging.stg_case__cin_episodes as episodes
    cross join window_
    where episodes.referral_date <= window_.as_at_date
      and (episodes.close_date is null or episodes.close_date >= window_.window_start)
      and not coalesce(episodes.is_nfa, false)
),

looked_after as (
    select distinct care.person_id
    from intermediate.int_cla_periods_of_care as care
    cross join window_
    where reference.in_force(care.start_date, care.end_date, window_.as_at_date)
),

on_cp_plan as (
    select distinct plans.person_id
    from intermediate.int_cp_plans_sequenced as plans
    cross join window_
    where plans.is_counted
      and reference.in_force(plans.start_date, plans.end_date, window_.as_at_date)
),

on_cin_plan as (
    select distinct plans.person_id
    from staging.stg_case__cin_plans as plans
    cross join window_
    where reference.in_force(plans.start_date, plans.end_date, window_.as_at_date)
),

seen as (
    select person_id, visit_date from staging.stg_case__cin_visits where child_seen
    union all
    select person_id, visit_date from staging.stg_case__cp_visits where child_seen
    union all
    select person_id, visit_date from staging.stg_case__cla_visits where child_seen
),

last_seen as (
    select seen.person_id, max(seen.visit_date) as last_seen_date
    from seen
    cross join window_
    where seen.visit_date <= window_.as_at_date
    group by seen.person_id
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    episodes.referral_id,
    episodes.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    children.has_disability,
    episodes.referral_date as cin_start_date,
    episodes.primary_need_code,
    last_seen.last_seen_date,
    case when not episodes.is_open_at_as_at then episodes.close_date end as cin_closure_date,
    case when not episodes.is_open_at_as_at then episodes.close_reason_code end as closure_reason_code,
    case
        when not episodes.is_open_at_as_at then 'closed'
        when looked_after.person_id is not null then 'looked_after'
        when on_cp_plan.person_id is not null then 'cp_plan'
        when on_cin_plan.person_id is not null then 'cin_plan'
        else 'open_assessment'
    end as case_status,
    episodes.is_open_at_as_at,
    coalesce(children.allocated_team, teams.team_name, episodes.team_id) as allocated_team,
    coalesce(children.allocated_worker, episodes.worker_id) as allocated_worker
from episodes
left join children on children.child_id = episodes.person_id
left join looked_after on looked_after.person_id = episodes.person_id
left join on_cp_plan on on_cp_plan.person_id = episodes.person_id
left join on_cin_plan on on_cin_plan.person_id = episodes.person_id
left join last_seen on last_seen.person_id = episodes.person_id
left join teams on teams.team_id = episodes.team_id
order by episodes.referral_date, episodes.referral_id
