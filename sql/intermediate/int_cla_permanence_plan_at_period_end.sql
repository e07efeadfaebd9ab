/*
grain: one row per reporting period and child looked after at the period's snapshot date
definition: |
  The child-level list behind "children looked after with a permanence plan": every child looked after at the
  snapshot date of each reporting period (intermediate.int_cla_at_period_end: short breaks excluded; the
  period's last day, or the as-at date for the period in progress), with the permanence plan in force on that
  date from their care plan (staging.stg_case__cla_care_plan, SSD ssd_cla_care_plan).
  - In force on D: a care plan record started on or before D and on or after the start of the current period
    of care (a plan left open from an earlier period of care is not this period's plan, as for the adoption
    decision), not ended or ended after D: a plan ending on D is not in force on D, as a period of care ceasing
    on D is not (one that replaces it from D is). Where records overlap, the latest-started one is the plan
    in force (ties: the greatest id), so a later record with every key blank means no plan agreed.
  - With a permanence plan: that record names at least one plan code (REMAINSUP ... OTHERPLN). A child with no
    record, or a record with every key blank, has none (SSD: e.g. recently entered care).
  - Parallel planning: more than one code chosen. Each code counts in its own plan type.
  This is a local measure: DfE collects the permanence plan only in Annex A and publishes no figure for it.
  The adoption decision (has_adoption_decision, ssd_permanence) is kept alongside: an agency decision is not
  the same record as the care plan, and either may exist without the other.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  snapshot_date: The date the stock is taken (period end, or the as-at date for the period in progress).
  person_id: The child.
  period_of_care_id: The period of care the child is in on snapshot_date.
  care_start_date: Date the current period of care started.
  age_on_snapshot: Age in whole years on snapshot_date.
  care_plan_id: The care plan record in force on snapshot_date; null when none.
  plan_start_date: Date that care plan took effect.
  plan_codes: Permanence plan codes chosen in it (sorted); empty when none.
  has_permanence_plan: True when the plan in force names at least one permanence plan code.
  is_parallel_plan: True when it names more than one (parallel planning).
  has_adoption_decision: An unreversed decision that the child should be placed for adoption, on or before snapshot_date (ssd_permanence).
tests:
  unique: [period_type, period_label, person_id]
  not_null: [snapshot_date, person_id, period_of_care_id, plan_codes, has_permanence_plan, is_parallel_plan]
*/
with cla as (
    select * from intermediate.int_cla_at_period_end
),

plans as (
    select * from staging.stg_case__cla_care_plan
),

in_force as (
    select
        cla.period_type,
        cla.period_label,
        cla.person_id,
        arg_max(plans.care_plan_id, (plans.start_date, plans.care_plan_id)) as care_plan_id
    from cla
    inner join plans
        on plans.person_id = cla.person_id
        and plans.start_date <= cla.snapshot_date
        and plans.start_date >= cla.care_start_date
        and (plans.end_date is null or plans.end_date > cla.snapshot_date)
    group by all
)

select
    cla.period_type,
    cla.period_label,
    cla.snapshot_date,
    cla.person_id,
    cla.period_of_care_id,
    cla.care_start_date,
    cla.age_on_snapshot,
    in_force.care_plan_id,
    plans.start_date as plan_start_date,
    coalesce(plans.plan_codes, []) as plan_codes,
    coalesce(plans.has_plan, false) as has_permanence_plan,
    len(coalesce(plans.plan_codes, [])) > 1 as is_parallel_plan,
    cla.has_adoption_decision
from cla
left join in_force using (period_type, period_label, person_id)
left join plans on plans.care_plan_id = in_force.care_plan_id
