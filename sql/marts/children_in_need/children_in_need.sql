/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Children in need and child in need plans, as stocks at the period's reference date (month-end; 31 March for
  a financial year; the as-at date for a period in progress).
  - Children in need (DfE CIN census; kpi_definitions 1.1; LAIT CIN per 10,000 at 31 March): children with a
    CIN episode open at the reference date (referral date <= date and no close date or close date after it),
    each child once, whatever their route (CIN plan, CP plan, looked after). Referrals that resulted in no
    further action are not counted (DfE/LAIT: NFA referrals are not in the children in need population).
    List: intermediate.int_cin_episodes_open_at_period_end.
  - Rate per 10,000: children in need / ONS population aged 0-17 for the financial year x 10,000, 1 dp.
  - CIN plans open (local; DfE publishes none): section 17 plans open at the reference date, each plan
    counted, and the children holding them. List: intermediate.int_cin_plans_open_at_period_end.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  reference_date: Date the stocks are taken - period end, or the as-at date for a period in progress.
  population_0_17: ONS population aged 0-17 used for the rate.
  children_in_need: Children with a CIN episode open at the reference date.
  cin_rate_per_10k: children_in_need per 10,000 children aged 0-17, 1 dp.
  cin_plans_open: CIN plans open at the reference date.
  children_with_cin_plan: Distinct children holding those plans.
tests:
  unique: [period_type, period_label]
  not_null: [reference_date, population_0_17, children_in_need, cin_rate_per_10k, cin_plans_open]
*/
with periods as (
    select
        periods.*,
        periods.snapshot_date as reference_date
    from reference.reporting_periods as periods
),

children as (
    select period_type, period_label, count(*) as children_in_need
    from intermediate.int_cin_episodes_open_at_period_end
    group by all
),

plans as (
    select period_type, period_label, count(*) as cin_plans_open, count(distinct person_id) as children_with_cin_plan
    from intermediate.int_cin_plans_open_at_period_end
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
    coalesce(children.children_in_need, 0) as children_in_need,
    reference.rate_per_10k(coalesce(children.children_in_need, 0), periods.population_0_17) as cin_rate_per_10k,
    coalesce(plans.cin_plans_open, 0) as cin_plans_open,
    coalesce(plans.children_with_cin_plan, 0) as children_with_cin_plan
from periods
left join children using (period_type, period_label)
left join plans using (period_type, period_label)
order by periods.period_type, periods.period_start
