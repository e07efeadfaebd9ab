/*
grain: one row - the CIN census's headline counts
materialized: view
definition: |
  What the census (marts.cin_census_window's year, as at its as-at date) holds, counted the way DfE's
  published CIN tables count them, so a team can check it against the front-door and child protection marts
  before it goes (data tests beside this model compare them, child by child, for the year in progress):
  - referrals: CINdetails with a referral received in the year (NFA referrals included).
  - referrals_nfa: those that resulted in no further action (ReferralNFA = 1).
  - assessments_authorised: assessments authorised in the year.
  - s47_started: section 47 enquiries started in the year.
  - icpcs: initial child protection conferences held in the year (Section47 DateOfInitialCPC plus CINdetails
    DateOfInitialCPC for transfer-in conferences).
  - cp_plans_started: CP plans starting in the year; cp_plans_open: plans open at the as-at date (31 March for
    a closed year), and children_on_cp_plan the children holding them.
  - children_in_need: children with a CIN episode open (not NFA, not closed) at the as-at date.
columns:
  collection_year: The year the collection ends in.
  as_at_date: The day the census describes.
  children: Children in the census (Child elements).
  episodes: CIN episodes (CINdetails modules).
  referrals: Referrals received in the year.
  referrals_nfa: Referrals in the year with no further action.
  assessments_authorised: Assessments authorised in the year.
  s47_started: S47 enquiries started in the year.
  icpcs: ICPCs held in the year.
  cp_plans_started: CP plans started in the year.
  cp_plans_open: CP plans open at the as-at date.
  children_on_cp_plan: Children on a CP plan at the as-at date.
  children_in_need: Children in need at the as-at date.
tests:
  not_null: [children, episodes, referrals, assessments_authorised, s47_started, icpcs, cp_plans_started]
*/
with window_ as (
    select * from marts.cin_census_window
),

episodes as (
    select * from marts.cin_census_children
),

s47 as (
    select * from marts.cin_census_section47
),

plans as (
    select * from marts.cin_census_cp_plans
)

select
    window_.collection_year,
    window_.as_at_date,
    (select count(distinct child_id) from episodes) as children,
    (select count(*) from episodes) as episodes,
    (select count(*) from episodes where is_referral_in_year) as referrals,
    (select count(*) from episodes where is_referral_in_year and referral_nfa = 1) as referrals_nfa,
    (select count(*) from marts.cin_census_assessments where is_authorised_in_year) as assessments_authorised,
    (select count(*) from s47 where is_started_in_year) as s47_started,
    (select count(*) from s47 where icpc_date >= window_.year_start)
        + (select count(*) from episodes where date_of_initial_cpc is not null) as icpcs,
    (select count(*) from plans where is_started_in_year) as cp_plans_started,
    (select count(*) from plans where is_open_at_as_at) as cp_plans_open,
    (select count(distinct child_id) from plans where is_open_at_as_at) as children_on_cp_plan,
    (select count(distinct child_id) from episodes where is_open_at_as_at) as children_in_need
from window_
