/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Child protection reviews held within timescale (Working Together; DfE CIN census; LAIT count
  CPP reviewed in timescale; kpi_definitions 1.1): the first review within cp_review_first_months (3)
  months of the plan start, then at intervals of at most cp_review_interval_months (6) months; inclusive,
  calendar months.
  - Children reviewed in timescale (DfE's measure, a stock at the reference date: 31 March for a year,
    month-end for a month, the as-at date for a period in progress): children on a plan at the reference
    date who had been on it 3 months or more and all of whose reviews were in time, with none overdue at
    that date ("all" = every review of the current plan; setting cp_review_timeliness_lookback_months, unverified,
    can narrow it to the reviews of the last N months). Denominator (LAIT CPP_31March_3MnthorMore): children on a plan for 3 months or more at the
    reference date. List: intermediate.int_cp_plans_open_at_period_end (is_three_months_plus,
    reviews_in_timescale).
  - Reviews held in time (local flow): reviews held in the period that were within their deadline / reviews
    held in the period (intermediate.int_cp_reviews_timed).
  Percentages 1 dp, null where the denominator is 0.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  reference_date: Date the stock is taken.
  children_on_plan: Children on a plan at the reference date.
  children_on_plan_3_months_plus: Children on a plan for 3 months or more at the reference date (the denominator).
  children_reviewed_in_timescale: Of those, children whose reviews were all held in time and none overdue.
  children_reviewed_in_timescale_pct: children_reviewed_in_timescale as a % of children_on_plan_3_months_plus, 1 dp.
  reviews_held: Review conferences held in the period.
  reviews_held_in_time: Reviews held in the period within their deadline.
  reviews_held_in_time_pct: reviews_held_in_time as a % of reviews_held, 1 dp.
tests:
  unique: [period_type, period_label]
  not_null: [reference_date, children_on_plan, children_on_plan_3_months_plus, children_reviewed_in_timescale, reviews_held]
*/
with periods as (
    select
        periods.*,
        periods.snapshot_date as reference_date
    from reference.reporting_periods as periods
),

on_plan as (
    select * from intermediate.int_cp_plans_open_at_period_end
),

reviews as (
    select * from intermediate.int_cp_reviews_timed
),

stocks as (
    select
        periods.period_type,
        periods.period_label,
        count(on_plan.person_id) as children_on_plan,
        count(on_plan.person_id) filter (where on_plan.is_three_months_plus) as children_on_plan_3_months_plus,
        count(on_plan.person_id) filter (where on_plan.is_three_months_plus and on_plan.reviews_in_timescale)
            as children_reviewed_in_timescale
    from periods
    left join on_plan using (period_type, period_label)
    group by all
),

flows as (
    select
        periods.period_type,
        periods.period_label,
        count(reviews.cp_review_id) as reviews_held,
        count(reviews.cp_review_id) filter (where reviews.is_in_time) as reviews_held_in_time
    from periods
    left join reviews on reviews.review_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.reference_date,
    stocks.children_on_plan,
    stocks.children_on_plan_3_months_plus,
    stocks.children_reviewed_in_timescale,
    reference.pct(stocks.children_reviewed_in_timescale, stocks.children_on_plan_3_months_plus)
        as children_reviewed_in_timescale_pct,
    flows.reviews_held,
    flows.reviews_held_in_time,
    reference.pct(flows.reviews_held_in_time, flows.reviews_held) as reviews_held_in_time_pct
from periods
inner join stocks using (period_type, period_label)
inner join flows using (period_type, period_label)
order by periods.period_type, periods.period_start
