/*
grain: one row per reporting period, cohort, initial category and latest category that occurs
definition: |
  How the category of abuse moved between plan start (initial, set at the ICPC) and the latest review, as a
  table the pack can show: for each cohort (on_plan_at_period_end: children on a plan at the reference date;
  started_in_period: plans starting in the period; see marts.cp_category_of_abuse), how many moved from each
  initial category to each latest category. The diagonal (initial = latest) is the plans that kept their
  category, including those not yet reviewed. Only combinations that occur are rows.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  cohort: on_plan_at_period_end or started_in_period.
  initial_category: Category at plan start.
  latest_category: Category at the latest review.
  is_changed: True when the latest category differs from the initial one.
  children: Children (or plan starts, for started_in_period) moving from initial_category to latest_category.
  share_of_initial_pct: children as a % of the cohort's children with that initial category, 1 dp.
tests:
  unique: [period_type, period_label, cohort, initial_category, latest_category]
  not_null: [children, share_of_initial_pct]
*/
with periods as (
    select period_type, period_label, period_start, period_end from reference.reporting_periods
),

members as (
    select period_type, period_label, 'on_plan_at_period_end' as cohort, initial_category, latest_category
    from intermediate.int_cp_plans_open_at_period_end
    union all
    select periods.period_type, periods.period_label, 'started_in_period', plans.initial_category,
        plans.latest_category
    from periods
    inner join intermediate.int_cp_plans_sequenced as plans
        on plans.is_counted and plans.start_date between periods.period_start and periods.period_end
),

moves as (
    select period_type, period_label, cohort, initial_category, latest_category, count(*) as children
    from members
    group by all
)

select
    period_type,
    period_label,
    cohort,
    initial_category,
    latest_category,
    initial_category <> latest_category as is_changed,
    children,
    reference.share_pct(children, sum(children) over (partition by period_type, period_label, cohort, initial_category))
        as share_of_initial_pct
from moves
order by period_type, period_label, cohort, initial_category, latest_category
