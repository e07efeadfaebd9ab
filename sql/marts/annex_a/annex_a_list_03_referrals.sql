/*
grain: one row per referral received in the Annex A window
definition: |
  Annex A List 3 (referrals). Who is on it: every referral received in the window (referral date from
  window_start to the as-at date, both included), one row per referral, so a child referred twice appears
  twice. Source: intermediate.int_referrals_sequenced, the list behind marts.front_door referrals, so the
  list's rows equal front_door referrals summed over the window's months.
  - Number of referrals in last 12 months: the child's referrals received in the 12 months up to and
    including the as-at date (this one included).
  - Allocated team/worker: the allocation on the as-at date (marts.annex_a_children), else the team and
    worker that took the referral.
columns:
  referral_id: Referral id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  referral_date: Date of referral.
  referral_source_code: CIN census source code.
  is_nfa: Referral resulted in no further action.
  referrals_last_12_months: The child's referrals in the 12 months to the as-at date.
  allocated_team: Allocated team.
  allocated_worker: Allocated worker id.
tests:
  unique: [referral_id]
  not_null: [child_id, referral_date, referrals_last_12_months]
*/
with window_ as (
    select * from marts.annex_a_window
),

all_referrals as (
    select * from intermediate.int_referrals_sequenced
),

referrals as (
    select all_referrals.*
    from all_referrals
    cross join window_
    where all_referrals.referral_date between window_.window_start and window_.as_at_date
),

last_12_months as (
    select all_referrals.person_id, count(*) as referrals_last_12_months
    from all_referrals
    cross join window_
    where all_referrals.referral_date between window_.last_12_months_start and window_.as_at_date
    group by all_referrals.person_id
),

episodes as (
    select referral_id, team_id, worker_id from staging.stg_case__cin_episodes
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    referrals.referral_id,
    referrals.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    referrals.referral_date,
    referrals.referral_source_code,
    referrals.is_nfa,
    last_12_months.referrals_last_12_months,
    coalesce(children.allocated_team, teams.team_name, episodes.team_id) as allocated_team,
    coalesce(children.allocated_worker, episodes.worker_id) as allocated_worker
from referrals
left join children on children.child_id = referrals.person_id
left join last_12_months on last_12_months.person_id = referrals.person_id
left join episodes on episodes.referral_id = referrals.referral_id
left join teams on teams.team_id = episodes.team_id
order by referrals.referral_date, referrals.referral_id
