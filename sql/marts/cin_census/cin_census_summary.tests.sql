-- The census and the nightly marts can never disagree: for the year in progress (the build's default window),
-- each headline count of the census equals the financial-year figure the front-door and child protection marts
-- publish, and the children behind the two stocks are the same children both ways.
--
-- Like with like: the census can only carry a record inside a CINdetails module it returns, while the marts
-- count the source records by the published indicator definitions (kpi_definitions.md) whatever episode they
-- hang on. Two kinds of source record are therefore in the marts and rightly not in the census, and the
-- comparisons below take them out of the marts' side; the warn test source_records_the_census_cannot_carry
-- lists them on every build so the data fault is seen, not hidden:
--   - a CP plan (ours, open in the year) of a child with no census CIN episode open when it started (e.g. a
--     plan recorded with no referral at all): DfE's ChildProtectionPlans module lives inside CINdetails, and
--     the census cannot invent the referral;
--   - an assessment authorised in the year on an episode that closed before 1 April (authorised after its own
--     episode closed): the episode is last year's, out of the census (DfE guide: children in need at any
--     point in the year), yet the indicator "assessments completed" counts it by its authorisation date.

-- test: census_counts_equal_the_front_door_and_cp_marts
with w as (
    select *, cast(year(year_start) as varchar) || '-' || right(cast(year(reference_date) as varchar), 2) as label
    from marts.cin_census_window
),
s as (select * from marts.cin_census_summary),
unreturnable_plans as (
    select plans.cp_plan_id, plans.person_id as child_id, plans.start_date, plans.end_date
    from staging.stg_case__cp_plans as plans, marts.cin_census_window as w
    where not plans.is_other_la_plan
      and plans.start_date <= w.as_at_date
      and (plans.end_date is null or plans.end_date >= w.year_start)
      and plans.cp_plan_id not in (select cp_plan_id from marts.cin_census_cp_plans)
),
unreturnable_assessments as (
    select assessments.assessment_id
    from staging.stg_case__cin_assessments as assessments, marts.cin_census_window as w
    where assessments.authorised_date between w.year_start and w.as_at_date
      and (assessments.referral_id is null
           or assessments.referral_id not in (select referral_id from marts.cin_census_children))
),
-- children the marts have on a plan at the as-at date only through a plan the census cannot carry
unreturnable_on_plan as (
    select count(distinct open_.person_id) as n
    from intermediate.int_cp_plans_open_at_period_end as open_, w
    where open_.period_type = 'financial_year' and open_.period_label = w.label
      and open_.reference_date = w.as_at_date
      and open_.person_id not in (select child_id from marts.cin_census_cp_plans where is_open_at_as_at)
      and open_.cp_plan_id in (select cp_plan_id from unreturnable_plans)
),
marts_ as (
    select
        (select referrals from marts.front_door where period_type = 'financial_year' and period_label = w.label) as referrals,
        (select referrals_nfa from marts.front_door where period_type = 'financial_year' and period_label = w.label) as referrals_nfa,
        (select assessments_completed from marts.front_door where period_type = 'financial_year' and period_label = w.label)
            - (select count(*) from unreturnable_assessments) as assessments,
        (select s47_started from marts.s47_enquiries where period_type = 'financial_year' and period_label = w.label) as s47,
        (select icpcs from marts.initial_cp_conferences where period_type = 'financial_year' and period_label = w.label) as icpcs,
        (select plan_starts from marts.cp_plans where period_type = 'financial_year' and period_label = w.label)
            - (select count(*) from unreturnable_plans where start_date >= w.year_start) as plan_starts,
        (select children_on_plan from marts.cp_plans where period_type = 'financial_year' and period_label = w.label)
            - (select n from unreturnable_on_plan) as on_plan,
        (select children_in_need from marts.children_in_need where period_type = 'financial_year' and period_label = w.label) as in_need
    from w
),
compared as (
    select 'referrals' as measure, s.referrals as census, m.referrals as mart from s, marts_ as m
    union all select 'referrals_nfa', s.referrals_nfa, m.referrals_nfa from s, marts_ as m
    union all select 'assessments_authorised', s.assessments_authorised, m.assessments from s, marts_ as m
    union all select 's47_started', s.s47_started, m.s47 from s, marts_ as m
    union all select 'icpcs', s.icpcs, m.icpcs from s, marts_ as m
    union all select 'cp_plans_started', s.cp_plans_started, m.plan_starts from s, marts_ as m
    union all select 'children_on_cp_plan', s.children_on_cp_plan, m.on_plan from s, marts_ as m
    union all select 'children_in_need', s.children_in_need, m.in_need from s, marts_ as m
)
-- a year the marts do not report (no population figure for it) has nothing to compare
select * from compared where mart is not null and census <> mart

-- test: children_in_need_at_as_at_are_the_same_children_both_ways
with w as (
    select *, cast(year(year_start) as varchar) || '-' || right(cast(year(reference_date) as varchar), 2) as label
    from marts.cin_census_window
),
census as (select distinct child_id from marts.cin_census_children where is_open_at_as_at),
mart as (
    select person_id as child_id from intermediate.int_cin_episodes_open_at_period_end
    where period_type = 'financial_year' and period_label = (select label from w)
      and reference_date = (select as_at_date from w)
)
select 'census only' as side, child_id from (select child_id from census except select child_id from mart)
union all
select 'marts only', child_id from (select child_id from mart except select child_id from census)

-- test: children_on_cp_plan_at_as_at_are_the_same_children_both_ways
with w as (
    select *, cast(year(year_start) as varchar) || '-' || right(cast(year(reference_date) as varchar), 2) as label
    from marts.cin_census_window
),
census as (select distinct child_id from marts.cin_census_cp_plans where is_open_at_as_at),
-- like with like (see the top of this file): a plan the census cannot carry is listed by the warn test below
unreturnable_plans as (
    select plans.cp_plan_id
    from staging.stg_case__cp_plans as plans
    where plans.cp_plan_id not in (select cp_plan_id from marts.cin_census_cp_plans)
),
mart as (
    select person_id as child_id from intermediate.int_cp_plans_open_at_period_end
    where period_type = 'financial_year' and period_label = (select label from w)
      and reference_date = (select as_at_date from w)
      and cp_plan_id not in (select cp_plan_id from unreturnable_plans)
)
select 'census only' as side, child_id from (select child_id from census except select child_id from mart)
union all
select 'marts only', child_id from (select child_id from mart except select child_id from census)

-- test: referrals_assessments_and_s47s_in_the_year_are_the_same_records_both_ways
with w as (select * from marts.cin_census_window),
census as (
    select 'referral' as kind, referral_id as id, child_id from marts.cin_census_children where is_referral_in_year
    union all
    select 'assessment', assessment_id, child_id from marts.cin_census_assessments where is_authorised_in_year
    union all
    select 's47', s47_enquiry_id, child_id from marts.cin_census_section47 where is_started_in_year
),
source as (
    select 'referral' as kind, referral_id as id, person_id as child_id from staging.stg_case__cin_episodes, w
    where referral_date between w.year_start and w.as_at_date
    union all
    select 'assessment', assessment_id, person_id from staging.stg_case__cin_assessments, w
    where authorised_date between w.year_start and w.as_at_date
      -- like with like (see the top of this file): authorised after its episode closed before the year
      and referral_id in (select referral_id from marts.cin_census_children)
    union all
    select 's47', s47_enquiry_id, person_id from staging.stg_case__s47_enquiry, w
    where strategy_discussion_date between w.year_start and w.as_at_date
)
select 'census only' as side, * from (select * from census except select * from source)
union all
select 'source only', * from (select * from source except select * from census)

-- test: source_records_the_census_cannot_carry severity: warn
-- Not a disagreement of the models: source records the indicators count but the census cannot return (see
-- the top of this file). Each is a recording fault for the service to put right before the census goes.
with w as (select * from marts.cin_census_window)
select 'CP plan with no CIN episode open when it started' as reason, plans.cp_plan_id as id, plans.person_id as child_id
from staging.stg_case__cp_plans as plans, w
where not plans.is_other_la_plan
  and plans.start_date <= w.as_at_date
  and (plans.end_date is null or plans.end_date >= w.year_start)
  and plans.cp_plan_id not in (select cp_plan_id from marts.cin_census_cp_plans)
union all
select 'assessment authorised in the year on an episode closed before it', assessment_id, person_id
from staging.stg_case__cin_assessments, w
where authorised_date between w.year_start and w.as_at_date
  and (referral_id is null or referral_id not in (select referral_id from marts.cin_census_children))
