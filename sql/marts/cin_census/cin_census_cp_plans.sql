/*
grain: one row per child protection plan in the CIN census
materialized: view
definition: |
  ChildProtectionPlans module (DfE CIN census guide): every CP plan of this authority on a census episode
  (marts.cin_census_children) open at some time in the year up to the as-at date: started on or before the
  as-at date and not ended before 1 April. Another authority's plan held for history is not ours to return;
  it only counts in NumberOfPreviousCPP. An end after the as-at date reads as still open.
  - InitialCategoryOfAbuse / LatestCategoryOfAbuse: DfE's codes NEG, PHY, SAB, EMO, MUL from the plan's
    categories (staging.stg_case__cp_plans reads codes or words); a value the case system sends that names no
    category is sent as it is (DfE rules 8905/8910 report it); a missing initial category stays missing (the
    XSD refuses the file, naming the child). The latest category falls back to the initial one when blank
    (the SSD: the latest may equal the initial).
  - NumberOfPreviousCPP: the child's CP plans (any authority's, as far as the extract's history goes) that
    started before this one (intermediate.int_cp_plans_sequenced plan_sequence - 1).
  - Reviews: review conferences held in the year, on or before the as-at date.
  - The episode a plan belongs to: the plan's own referral (cppl_referral_id); the SSD contract leaves that
    column optional, so without it the referral of the conference that made the plan (cppl_icpc_id ->
    icpc_referral_id), else the child's census episode that was open on the plan's start date (the latest
    referral received on or before it, not closed before it). A plan with no such episode cannot be returned
    (a ChildProtectionPlans module lives inside CINdetails); the reconciliation test beside
    cin_census_summary reports those plans rather than losing them silently.
  Source: staging.stg_case__cp_plans, stg_case__initial_cp_conference, stg_case__cp_reviews.
columns:
  cp_plan_id: The plan (not sent to DfE).
  referral_id: The CIN episode it belongs to.
  child_id: LAchildID.
  start_date: CPPstartDate.
  end_date: CPPendDate, if on or before the as-at date.
  initial_category_code: InitialCategoryOfAbuse.
  latest_category_code: LatestCategoryOfAbuse.
  previous_plans: NumberOfPreviousCPP.
  review_dates: CPPreviewDate list, in date order.
  is_started_in_year: The plan started in the year up to the as-at date.
  is_open_at_as_at: The plan is open at the as-at date.
tests:
  unique: [cp_plan_id]
  not_null: [referral_id, child_id, start_date, previous_plans, is_started_in_year, is_open_at_as_at]
*/
with window_ as (
    select * from marts.cin_census_window
),

census_episodes as (
    select referral_id, child_id, referral_date, closure_date from marts.cin_census_children
),

sequenced as (
    select cp_plan_id, plan_sequence from intermediate.int_cp_plans_sequenced
),

-- the SSD leaves cppl_referral_id optional: without it, the conference's referral, else the episode open
-- when the plan started (the latest such referral, so a child's new episode wins over an older open one)
plan_episodes as (
    select
        plans.cp_plan_id,
        coalesce(
            plans.referral_id,
            icpc.referral_id,
            arg_max(census_episodes.referral_id, census_episodes.referral_date)
                filter (where census_episodes.referral_date <= plans.start_date
                          and (census_episodes.closure_date is null
                               or census_episodes.closure_date >= plans.start_date))
        ) as referral_id
    from staging.stg_case__cp_plans as plans
    left join staging.stg_case__initial_cp_conference as icpc on icpc.icpc_id = plans.icpc_id
    left join census_episodes on census_episodes.child_id = plans.person_id
    group by plans.cp_plan_id, plans.referral_id, icpc.referral_id
),

plans as (
    select
        plans.* exclude (referral_id),
        plan_episodes.referral_id,
        census_episodes.child_id,
        window_.year_start,
        window_.as_at_date
    from staging.stg_case__cp_plans as plans
    inner join plan_episodes on plan_episodes.cp_plan_id = plans.cp_plan_id
    inner join census_episodes on census_episodes.referral_id = plan_episodes.referral_id
    cross join window_
    where not plans.is_other_la_plan
      and plans.start_date <= window_.as_at_date
      and (plans.end_date is null or plans.end_date >= window_.year_start)
),

reviews as (
    select reviews.cp_plan_id, list(distinct reviews.review_date order by reviews.review_date) as review_dates
    from staging.stg_case__cp_reviews as reviews
    cross join window_
    where reviews.review_date between window_.year_start and window_.as_at_date
    group by reviews.cp_plan_id
),

coded as (
    select
        *,
        case initial_category
            when 'neglect' then 'NEG' when 'physical' then 'PHY' when 'sexual' then 'SAB'
            when 'emotional' then 'EMO' when 'multiple' then 'MUL'
            else nullif(trim(initial_category_code), '')
        end as initial_code,
        case latest_category
            when 'neglect' then 'NEG' when 'physical' then 'PHY' when 'sexual' then 'SAB'
            when 'emotional' then 'EMO' when 'multiple' then 'MUL'
            else nullif(trim(latest_category_code), '')
        end as latest_code
    from plans
)

select
    coded.cp_plan_id,
    coded.referral_id,
    coded.child_id,
    coded.start_date,
    case when coded.end_date <= coded.as_at_date then coded.end_date end as end_date,
    coded.initial_code as initial_category_code,
    coalesce(coded.latest_code, coded.initial_code) as latest_category_code,
    coalesce(sequenced.plan_sequence, 1) - 1 as previous_plans,
    coalesce(reviews.review_dates, []) as review_dates,
    coded.start_date >= coded.year_start as is_started_in_year,
    coded.end_date is null or coded.end_date > coded.as_at_date as is_open_at_as_at
from coded
left join sequenced on sequenced.cp_plan_id = coded.cp_plan_id
left join reviews on reviews.cp_plan_id = coded.cp_plan_id
