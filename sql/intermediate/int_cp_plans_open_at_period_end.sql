/*
grain: one row per reporting period and child on a child protection plan at the period's reference date
definition: |
  The children behind every "on a plan at" count: for each reporting period, the children subject to a CP
  plan of this authority at its reference date, the period's last day (month-end, or 31 March for a
  financial year), or the as-at date for the period still in progress.
  - On a plan at date d: start date <= d and (no end date, or end date > d). A plan starting on 31 March is
    open at 31 March; a plan ending on 31 March is not (it ceased that day, so it counts as an ending in the
    year instead). DfE counts children, so a child with two overlapping plans (a data error) is one row,
    carrying the latest-starting plan, with open_plans showing how many were open.
  - Open 2 years or more: d minus start date >= cpp_two_years_min_days (730), as for ended plans.
  - Open more than 18 months (local list): start date + cpp_long_plan_list_months (18) months < d.
  - On a plan 3 months or more (denominator of reviews in timescale; LAIT CPP_31March_3MnthorMore):
    start date + cp_review_first_months (3) months <= d.
  - Reviews in timescale at d: every review held on or before d was in time (intermediate.int_cp_reviews_timed)
    and the next review was not overdue at d (the last review held + 6 months, or start + 3 months when none
    has been held, is on or after d). Which reviews must have been in time is setting
    cp_review_timeliness_lookback_months (unverified): 0 = every review of the current plan (default), N = only
    those held in the N months up to d; the overdue test is the same either way.
  - Visit up to date at d: working days from the last visit on or before d (or the plan start if none) to d
    <= cp_visit_max_working_days (10), a local standard.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  reference_date: The date the snapshot is taken - period end, or the as-at date for a period in progress.
  person_id: The child.
  cp_plan_id: The child's open plan (the latest-starting one if several are open).
  open_plans: Number of this authority's plans open for the child at the reference date (1 unless plans overlap).
  start_date: Start date of the plan.
  days_on_plan: reference_date minus start_date, in days.
  is_two_years_plus: True when days_on_plan >= cpp_two_years_min_days.
  is_over_18_months: True when start_date + cpp_long_plan_list_months months is before reference_date.
  is_three_months_plus: True when start_date + cp_review_first_months months is on or before reference_date.
  is_second_or_subsequent: True when the plan is the child's second or subsequent plan.
  initial_category: Category of abuse at plan start.
  latest_category: Category of abuse at the latest review (the initial one when not recorded).
  reviews_held: Reviews of the plan held on or before reference_date.
  last_review_date: Date of the last review held on or before reference_date; null if none.
  next_review_deadline: Date the next review is due by - last review + 6 months, or start + 3 months.
  reviews_in_timescale: True when every review held (within the look-back setting) was in time and the next one is not overdue at reference_date.
  last_visit_date: Date of the last visit on the plan on or before reference_date; null if none.
  visit_gap_working_days: Working days from the last visit (or the plan start) to reference_date.
  visit_up_to_date: True when visit_gap_working_days <= cp_visit_max_working_days.
tests:
  unique: [period_type, period_label, person_id]
  not_null: [reference_date, cp_plan_id, start_date, days_on_plan, reviews_in_timescale]
*/
with periods as (
    select
        periods.period_type,
        periods.period_label,
        periods.snapshot_date as reference_date,
        cast(date_trunc('month', periods.snapshot_date) as date) as reference_month
    from reference.reporting_periods as periods
),

bounds as (
    select min(reference_month) as first_month, max(reference_month) as last_month from periods
),

-- Each plan numbered in (start_date, cp_plan_id) order, so the latest-starting open plan is the one with the
-- greatest number: a fixed-width aggregate state that spills to disk (an arg_max over a (date, id) struct kept its
-- states outside DuckDB's memory limit and ran out of memory at national scale).
plans as (
    select *, row_number() over (order by start_date, cp_plan_id) as recency
    from intermediate.int_cp_plans_sequenced
    where is_counted
),

-- A plan open at d has start_date <= d < end_date, so d's month lies between the start's month and the end's
-- month (or the last reference month while open). Listing each plan's months in that span (within the reporting
-- periods) lets periods join plans on the month, a hash join, instead of pairing every period with every plan
-- started before it; the open-at-d test itself is unchanged.
plan_months as (
    select plans.*, cast(unnest(range(
        cast(greatest(cast(date_trunc('month', plans.start_date) as date), bounds.first_month) as timestamp),
        cast(least(cast(date_trunc('month', coalesce(plans.end_date, bounds.last_month)) as date), bounds.last_month)
            as timestamp) + interval 1 month,
        interval 1 month)) as date) as open_month
    from plans
    cross join bounds
),

reviews as (
    select * from intermediate.int_cp_reviews_timed
),

visits as (
    select cp_plan_id, visit_date from intermediate.int_cp_visits_timed
),

calendar as (
    select calendar_date, working_day_number from reference.working_day_calendar
),

-- One row per child and reference date by a hash aggregate (it spills to disk), not a window over every open plan
-- (as int_cin_episodes_open_at_period_end): the latest-starting plan is the one with the greatest
-- (start_date, cp_plan_id), the order the window used; its columns are joined back on that number.
open_plans as (
    select
        periods.period_type,
        periods.period_label,
        periods.reference_date,
        plans.person_id,
        max(plans.recency) as recency,
        count(*) as open_plans
    from periods
    inner join plan_months as plans
        on plans.open_month = periods.reference_month
        and plans.start_date <= periods.reference_date
        and coalesce(plans.end_date, date 'infinity') > periods.reference_date
    group by periods.period_type, periods.period_label, periods.reference_date, plans.person_id
),

children as (
    select
        open_plans.period_type,
        open_plans.period_label,
        open_plans.reference_date,
        plans.*,
        open_plans.open_plans
    from open_plans
    inner join plans on plans.recency = open_plans.recency
),

review_status as (
    select
        children.period_type,
        children.period_label,
        children.person_id,
        count(reviews.cp_review_id) as reviews_held,
        max(reviews.review_date) as last_review_date,
        coalesce(bool_and(reviews.is_in_time) filter (
            where reference.setting_int('cp_review_timeliness_lookback_months') = 0
                or reviews.review_date > children.reference_date
                    - to_months(reference.setting_int('cp_review_timeliness_lookback_months'))
        ), true) as all_reviews_in_time
    from children
    left join reviews
        on reviews.cp_plan_id = children.cp_plan_id
        and reviews.review_date <= children.reference_date
    group by all
),

-- The last visit on or before d by an ASOF join (the greatest visit_date <= d of the plan), not a range join of every
-- open plan-period with every earlier visit of its plan: at national scale (16 M visits, 6.4 M plan-periods) the
-- range join's hash table could not be held in a 4 GB limit (out of memory alone, "failed to pin block") where
-- the ASOF join built in 36 s.
visit_status as (
    select
        children.period_type,
        children.period_label,
        children.person_id,
        visits.visit_date as last_visit_date
    from children
    asof left join visits
        on visits.cp_plan_id = children.cp_plan_id
        and visits.visit_date <= children.reference_date
),

assembled as (
    select
        children.period_type,
        children.period_label,
        children.reference_date,
        children.person_id,
        children.cp_plan_id,
        children.open_plans,
        children.start_date,
        children.reference_date - children.start_date as days_on_plan,
        children.reference_date - children.start_date >= reference.setting_int('cpp_two_years_min_days')
            as is_two_years_plus,
        children.start_date + to_months(reference.setting_int('cpp_long_plan_list_months'))
            < children.reference_date as is_over_18_months,
        children.start_date + to_months(reference.setting_int('cp_review_first_months'))
            <= children.reference_date as is_three_months_plus,
        children.is_second_or_subsequent,
        children.initial_category,
        children.latest_category,
        review_status.reviews_held,
        review_status.last_review_date,
        cast(case
            when review_status.last_review_date is null
                then children.start_date + to_months(reference.setting_int('cp_review_first_months'))
            else review_status.last_review_date + to_months(reference.setting_int('cp_review_interval_months'))
        end as date) as next_review_deadline,
        review_status.all_reviews_in_time,
        visit_status.last_visit_date
    from children
    inner join review_status using (period_type, period_label, person_id)
    inner join visit_status using (period_type, period_label, person_id)
)

select
    assembled.* exclude (all_reviews_in_time),
    assembled.all_reviews_in_time and assembled.next_review_deadline >= assembled.reference_date
        as reviews_in_timescale,
    at_date.working_day_number - visited.working_day_number as visit_gap_working_days,
    at_date.working_day_number - visited.working_day_number <= reference.setting_int('cp_visit_max_working_days')
        as visit_up_to_date
from assembled
left join calendar as visited
    on visited.calendar_date = coalesce(assembled.last_visit_date, assembled.start_date)
left join calendar as at_date on at_date.calendar_date = assembled.reference_date
