/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Child protection plans: the children on them, starts, repeats, endings and long plans (DfE CIN census;
  kpi_definitions 1.1; LAIT CPP per 10,000, CPP second or subsequent, CPPlans2yrs, CPPlans2yrsActive).
  Stocks are taken at the period's reference date (month-end; 31 March for a financial year; the as-at date
  for a period in progress); flows count events in the period. Only this authority's plans count (another
  authority's plan held for history only makes a later plan a repeat).
  - Children on a plan: children with a plan open at the reference date (start <= date, no end or end after
    it): a plan starting 31 March counts at 31 March, one ending 31 March does not. Each child once.
    List: intermediate.int_cp_plans_open_at_period_end.
  - Rate per 10,000: children on a plan / ONS population aged 0-17 x 10,000, 1 dp.
  - Plan starts: plans starting in the period, each occasion counted (a child starting two plans in a year
    counts twice). Second or subsequent (%): starts where the child had ANY earlier CP plan, however long ago
    (each occasion counts) / all starts. List: intermediate.int_cp_plans_sequenced.
  - Plans ended: plans whose end date falls in the period, each ending counted. Lasted 2 years or more (%):
    ended plans with end minus start >= cpp_two_years_min_days (730; DfE "over 729 days", the day of
    cessation counted, so exactly 730 days counts and 729 does not) / all plans ended.
  - Open 2 years or more (%): children on a plan at the reference date whose plan has run >= 730 days
    (reference date minus start) / children on a plan.
  - Open more than 18 months: children on a plan whose start + cpp_long_plan_list_months (18) months is
    before the reference date (local; list marts.cp_plans_over_18_months_list).
  Percentages 1 dp, null where the denominator is 0.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  reference_date: Date the stocks are taken - period end, or the as-at date for a period in progress.
  population_0_17: ONS population aged 0-17 used for the rate.
  children_on_plan: Children subject to a CP plan at the reference date.
  cpp_rate_per_10k: children_on_plan per 10,000 children aged 0-17, 1 dp.
  plan_starts: CP plans starting in the period.
  plan_starts_second_or_subsequent: Plan starts where the child had an earlier CP plan.
  second_or_subsequent_pct: plan_starts_second_or_subsequent as a % of plan_starts, 1 dp.
  plans_ended: CP plans ending in the period.
  plans_ended_two_years_plus: Plans ended in the period that lasted 730 days or more.
  plans_ended_two_years_plus_pct: plans_ended_two_years_plus as a % of plans_ended, 1 dp.
  children_open_two_years_plus: Children on a plan at the reference date whose plan had run 730 days or more.
  open_two_years_plus_pct: children_open_two_years_plus as a % of children_on_plan, 1 dp.
  children_open_over_18_months: Children on a plan at the reference date whose plan had run more than 18 months.
tests:
  unique: [period_type, period_label]
  not_null: [reference_date, population_0_17, children_on_plan, cpp_rate_per_10k, plan_starts, plans_ended]
*/
with periods as (
    select
        periods.*,
        periods.snapshot_date as reference_date
    from reference.reporting_periods as periods
),

plans as (
    select * from intermediate.int_cp_plans_sequenced
    where is_counted
),

on_plan as (
    select * from intermediate.int_cp_plans_open_at_period_end
),

stocks as (
    select
        periods.period_type,
        periods.period_label,
        count(on_plan.person_id) as children_on_plan,
        count(on_plan.person_id) filter (where on_plan.is_two_years_plus) as children_open_two_years_plus,
        count(on_plan.person_id) filter (where on_plan.is_over_18_months) as children_open_over_18_months
    from periods
    left join on_plan using (period_type, period_label)
    group by all
),

starts as (
    select
        periods.period_type,
        periods.period_label,
        count(plans.cp_plan_id) as plan_starts,
        count(plans.cp_plan_id) filter (where plans.is_second_or_subsequent) as plan_starts_second_or_subsequent
    from periods
    left join plans on plans.start_date between periods.period_start and periods.period_end
    group by all
),

endings as (
    select
        periods.period_type,
        periods.period_label,
        count(plans.cp_plan_id) as plans_ended,
        count(plans.cp_plan_id) filter (where plans.lasted_two_years_plus) as plans_ended_two_years_plus
    from periods
    left join plans on plans.end_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.reference_date,
    periods.population_0_17,
    stocks.children_on_plan,
    reference.rate_per_10k(stocks.children_on_plan, periods.population_0_17) as cpp_rate_per_10k,
    starts.plan_starts,
    starts.plan_starts_second_or_subsequent,
    reference.pct(starts.plan_starts_second_or_subsequent, starts.plan_starts)
        as second_or_subsequent_pct,
    endings.plans_ended,
    endings.plans_ended_two_years_plus,
    reference.pct(endings.plans_ended_two_years_plus, endings.plans_ended)
        as plans_ended_two_years_plus_pct,
    stocks.children_open_two_years_plus,
    reference.pct(stocks.children_open_two_years_plus, stocks.children_on_plan)
        as open_two_years_plus_pct,
    stocks.children_open_over_18_months
from periods
inner join stocks using (period_type, period_label)
inner join starts using (period_type, period_label)
inner join endings using (period_type, period_label)
order by periods.period_type, periods.period_start
