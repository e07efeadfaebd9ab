/*
grain: one row per reporting period and child on a child protection plan open more than 18 months at its reference date
definition: |
  The list behind marts.cp_plans.children_open_over_18_months, ready to hand to a service manager: for each
  month-end (and 31 March, and the as-at date for the period in progress), the children whose current plan
  started more than cpp_long_plan_list_months (18) months before (start + 18 months is before the reference
  date; a local escalation point, not a DfE measure), with how long, its categories, whether it is a repeat
  plan and its review status. Plans that have also reached 2 years (730 days) are flagged.
  Source: intermediate.int_cp_plans_open_at_period_end. Carries ids only, no names.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  reference_date: Date the list is taken.
  person_id: The child.
  cp_plan_id: The plan.
  start_date: Plan start date.
  months_on_plan: Whole calendar months from the start to the reference date.
  days_on_plan: Days from the start to the reference date.
  is_two_years_plus: True when days_on_plan >= 730 (cpp_two_years_min_days).
  is_second_or_subsequent: True when the child had an earlier CP plan.
  initial_category: Category of abuse at plan start.
  latest_category: Category of abuse at the latest review.
  last_review_date: Date of the last review held, if any.
  reviews_in_timescale: True when every review was in time and none is overdue.
tests:
  unique: [period_type, period_label, person_id]
  not_null: [reference_date, cp_plan_id, start_date, months_on_plan]
*/
select
    period_type,
    period_label,
    reference_date,
    person_id,
    cp_plan_id,
    start_date,
    cast(datediff('month', start_date, reference_date)
        - case when day(reference_date) < day(start_date) then 1 else 0 end as integer) as months_on_plan,
    days_on_plan,
    is_two_years_plus,
    is_second_or_subsequent,
    initial_category,
    latest_category,
    last_review_date,
    reviews_in_timescale
from intermediate.int_cp_plans_open_at_period_end
where is_over_18_months
order by period_type, period_label, days_on_plan desc, person_id
