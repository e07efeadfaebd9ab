/*
grain: one row per reporting period and child in need plan open at the period's reference date
definition: |
  The CIN (section 17) plans behind "CIN plans open at month-end": for each reporting period, the plans
  open at its reference date (period end, or the as-at date for the period in progress). Open at date d:
  start date <= d and (no end date, or end date > d). Counted per plan (a local measure; DfE does not
  publish CIN plans); children_with_plan in marts.children_in_need counts children.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  reference_date: The snapshot date.
  cin_plan_id: The open plan.
  person_id: The child.
  start_date: Plan start date.
  days_open: reference_date minus start_date, in days.
tests:
  unique: [period_type, period_label, cin_plan_id]
  not_null: [reference_date, person_id, start_date]
*/
with periods as (
    select
        periods.period_type,
        periods.period_label,
        periods.snapshot_date as reference_date
    from reference.reporting_periods as periods
),

plans as (
    select cin_plan_id, person_id, start_date, end_date from staging.stg_case__cin_plans
    where start_date is not null
)

select
    periods.period_type,
    periods.period_label,
    periods.reference_date,
    plans.cin_plan_id,
    plans.person_id,
    plans.start_date,
    periods.reference_date - plans.start_date as days_open
from periods
inner join plans
    on reference.in_force(plans.start_date, plans.end_date, periods.reference_date)
