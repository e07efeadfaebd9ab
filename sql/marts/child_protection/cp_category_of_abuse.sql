/*
grain: one row per reporting period, cohort and category of abuse
definition: |
  Category of abuse of child protection plans, at plan start (initial) and at the latest review (latest)
  (DfE CIN census "children subject to a CPP at 31 March by initial and latest category of abuse", EES A6;
  kpi_definitions 1.1). Categories are exclusive: neglect, physical, sexual, emotional, multiple (a plan
  naming more than one is multiple), so each child or plan is counted once; unrecognised and not_recorded
  show data the case system sent outside the five.
  Two cohorts:
  - on_plan_at_period_end: children on a plan at the period's reference date (31 March for a year,
    month-end for a month, the as-at date for a period in progress), one row per child
    (intermediate.int_cp_plans_open_at_period_end). The year's initial-category counts are DfE's
    "CPP at 31 March by initial category" (published codes cpp_31mar_initial_cat_*_count).
  - started_in_period: plans starting in the period, each occasion counted (intermediate.int_cp_plans_sequenced).
  The latest category is the one at the most recent review; where none is recorded it equals the initial.
  Shares: count / the cohort's total in the period, 1 dp. How plans moved from one category to another is
  in marts.cp_category_shift.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  cohort: on_plan_at_period_end or started_in_period.
  category: neglect, physical, sexual, emotional, multiple, unrecognised or not_recorded.
  cohort_total: Children (on_plan_at_period_end) or plan starts (started_in_period) in the cohort for the period.
  initial_count: Of cohort_total, those whose initial category is this one.
  initial_share_pct: initial_count as a % of cohort_total, 1 dp.
  latest_count: Of cohort_total, those whose latest category is this one.
  latest_share_pct: latest_count as a % of cohort_total, 1 dp.
  net_change: latest_count minus initial_count.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
tests:
  unique: [period_type, period_label, cohort, category]
  not_null: [cohort_total, initial_count, latest_count]
  accepted_values:
    cohort: [started_in_period, on_plan_at_period_end]
*/
with periods as (
    select period_type, period_label, period_start, period_end, is_complete from reference.reporting_periods
),

categories as (
    select * from (values
        (1, 'neglect'), (2, 'physical'), (3, 'sexual'), (4, 'emotional'), (5, 'multiple'),
        (6, 'unrecognised'), (7, 'not_recorded')
    ) as c(category_order, category)
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

grid as (
    select periods.period_type, periods.period_label, periods.period_start, periods.period_end, periods.is_complete,
        cohorts.cohort, categories.category, categories.category_order
    from periods
    cross join (values ('on_plan_at_period_end'), ('started_in_period')) as cohorts(cohort)
    cross join categories
),

totals as (
    select period_type, period_label, cohort, count(*) as cohort_total
    from members group by all
),

initial_counts as (
    select period_type, period_label, cohort, initial_category as category, count(*) as initial_count
    from members group by all
),

latest_counts as (
    select period_type, period_label, cohort, latest_category as category, count(*) as latest_count
    from members group by all
),

counted as (
    select
        grid.period_type,
        grid.period_label,
        grid.period_start,
        grid.period_end,
        grid.is_complete,
        grid.cohort,
        grid.category,
        grid.category_order,
        coalesce(totals.cohort_total, 0) as cohort_total,
        coalesce(initial_counts.initial_count, 0) as initial_count,
        coalesce(latest_counts.latest_count, 0) as latest_count
    from grid
    left join totals using (period_type, period_label, cohort)
    left join initial_counts using (period_type, period_label, cohort, category)
    left join latest_counts using (period_type, period_label, cohort, category)
)

select
    period_type,
    period_label,
    cohort,
    category,
    cohort_total,
    initial_count,
    reference.pct(initial_count, cohort_total) as initial_share_pct,
    latest_count,
    reference.pct(latest_count, cohort_total) as latest_share_pct,
    latest_count - initial_count as net_change,
    period_start,
    period_end,
    is_complete
from counted
where category_order <= 5 or initial_count > 0 or latest_count > 0
order by period_type, period_label, cohort, category_order
