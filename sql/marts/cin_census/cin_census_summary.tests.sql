-- The census and the nightly marts can never disagree: for the year in progress (the build's default window),
-- each headline count of the census equals the financial-year figure the front-door and child protection marts
-- publish, and the children behind the two stocks are the same children both ways.

-- test: census_counts_equal_the_front_door_and_cp_marts
with w as (
    select *, cast(year(year_start) as varchar) || '-' || right(cast(year(reference_date) as varchar), 2) as label
    from marts.cin_census_window
),
s as (select * from marts.cin_census_summary),
marts_ as (
    select
        (select referrals from marts.front_door where period_type = 'financial_year' and period_label = w.label) as referrals,
        (select referrals_nfa from marts.front_door where period_type = 'financial_year' and period_label = w.label) as referrals_nfa,
        (select assessments_completed from marts.front_door where period_type = 'financial_year' and period_label = w.label) as assessments,
        (select s47_started from marts.s47_enquiries where period_type = 'financial_year' and period_label = w.label) as s47,
        (select icpcs from marts.initial_cp_conferences where period_type = 'financial_year' and period_label = w.label) as icpcs,
        (select plan_starts from marts.cp_plans where period_type = 'financial_year' and period_label = w.label) as plan_starts,
        (select children_on_plan from marts.cp_plans where period_type = 'financial_year' and period_label = w.label) as on_plan,
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
mart as (
    select person_id as child_id from intermediate.int_cp_plans_open_at_period_end
    where period_type = 'financial_year' and period_label = (select label from w)
      and reference_date = (select as_at_date from w)
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
    union all
    select 's47', s47_enquiry_id, person_id from staging.stg_case__s47_enquiry, w
    where strategy_discussion_date between w.year_start and w.as_at_date
)
select 'census only' as side, * from (select * from census except select * from source)
union all
select 'source only', * from (select * from source except select * from census)
