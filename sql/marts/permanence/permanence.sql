/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Permanence for children looked after (DfE SSDA903; kpi_definitions.md 1.2). Short breaks excluded.
  - Ceased through adoption (E11/E12, setting cla_adoption_ceased_reasons) and through a special
    guardianship order (E43/E44, and their 2019-20 replacements E45-E48, setting cla_sgo_ceased_reasons):
    children ceasing in the period, counted once on their last occasion, count and % of all children
    ceasing in the period (intermediate.int_cla_in_period).
  - Adoption timeliness for children adopted in the period (intermediate.int_permanence_adoptions): average
    calendar days from entering care to being placed for adoption (with the foster carers who adopted, for
    carer adoptions; scorecard A1 basis), and from placement order to match (A2 basis), 1 dp, over the
    adoptions where both dates are known.
  - Children looked after at the snapshot date with an unreversed decision that they should be placed for
    adoption, and those placed for adoption (intermediate.int_cla_at_period_end).
  - Children looked after at the snapshot date with a permanence plan in force
    (intermediate.int_cla_permanence_plan_at_period_end, from the SSD care plan ssd_cla_care_plan,
    lacp_cla_care_plan_json), count and % of all CLA at the snapshot date, and the count with each type of
    plan (a child under parallel planning counts in each of their plan types, so the types can sum to more
    than the count). A local measure: DfE collects the permanence plan in Annex A only and publishes no
    comparator. The adoption decision is a separate record (ssd_permanence), not the plan.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  cla_ceased: Children who ceased to be looked after in the period.
  ceased_adopted: Of those, adopted.
  ceased_adopted_pct: ceased_adopted as a % of cla_ceased.
  ceased_sgo: Of those, special guardianship order.
  ceased_sgo_pct: ceased_sgo as a % of cla_ceased.
  adoptions_timed_to_placement: Adoptions in the period with entering-care and placed dates known.
  days_entered_care_to_placed_total: Sum of days from entering care to placed, over those adoptions.
  days_entered_care_to_placed_avg: Average days from entering care to placed for adoption, 1 dp.
  adoptions_timed_to_match: Adoptions in the period with placement order and match dates known.
  days_placement_order_to_match_total: Sum of days from placement order to match, over those adoptions.
  days_placement_order_to_match_avg: Average days from placement order to match, 1 dp.
  cla_count: Children looked after at the snapshot date.
  with_adoption_decision: CLA at the snapshot date with an unreversed should-be-placed-for-adoption decision.
  placed_for_adoption: CLA at the snapshot date placed for adoption (A3-A6).
  with_permanence_plan: CLA at the snapshot date with a permanence plan in force (at least one plan code chosen).
  with_permanence_plan_pct: with_permanence_plan as a % of cla_count, 1 dp.
  with_parallel_plan: Of those, with more than one plan code chosen (parallel planning).
  plan_remain_with_family_supported: CLA with plan REMAINSUP (remaining with birth family supported by short breaks).
  plan_return_within_1_month: CLA with plan RETURN1M (return to birth family within one month).
  plan_return_within_6_months: CLA with plan RETURN6M (return to birth family within six months).
  plan_return_eventually: CLA with plan RETURNEV (eventual return to birth family).
  plan_long_term_relatives_friends: CLA with plan LTRELFR (long-term placement with relatives or friends).
  plan_long_term_foster_care: CLA with plan LTFOST18 (long-term foster care intended to last until 18).
  plan_residential_to_independence: CLA with plan RESPLMT (residential placement until independence).
  plan_supported_living: CLA with plan SUPPLIV (supported living in the community, towards independence).
  plan_adoption: CLA with plan ADOPTION (adoption).
  plan_other: CLA with plan OTHERPLN (other plan).
tests:
  unique: [period_type, period_label]
  not_null: [cla_ceased, ceased_adopted, ceased_sgo, cla_count, with_permanence_plan, with_parallel_plan, plan_adoption]
*/
with periods as (
    select
        reporting_periods.*
    from reference.reporting_periods
),

ceased as (
    select
        periods.period_type,
        periods.period_label,
        count(f.person_id) filter (where f.ceased_in_period) as cla_ceased,
        count(f.person_id) filter (where f.ceased_in_period and f.ceased_adopted) as ceased_adopted,
        count(f.person_id) filter (where f.ceased_in_period and f.ceased_sgo) as ceased_sgo
    from periods
    left join intermediate.int_cla_in_period as f using (period_type, period_label)
    group by all
),

adoptions as (
    select
        periods.period_type,
        periods.period_label,
        count(a.days_entered_care_to_placed) as adoptions_timed_to_placement,
        coalesce(sum(a.days_entered_care_to_placed), 0) as days_entered_care_to_placed_total,
        count(a.days_placement_order_to_match) as adoptions_timed_to_match,
        coalesce(sum(a.days_placement_order_to_match), 0) as days_placement_order_to_match_total
    from periods
    left join intermediate.int_permanence_adoptions as a
        on a.adopted_date between periods.period_start and periods.snapshot_date
    group by all
),

stock as (
    select
        periods.period_type,
        periods.period_label,
        count(cla.person_id) as cla_count,
        count(cla.person_id) filter (where cla.has_adoption_decision) as with_adoption_decision,
        count(cla.person_id) filter (where cla.is_placed_for_adoption) as placed_for_adoption
    from periods
    left join intermediate.int_cla_at_period_end as cla using (period_type, period_label)
    group by all
),

plans as (
    select
        periods.period_type,
        periods.period_label,
        count(p.person_id) filter (where p.has_permanence_plan) as with_permanence_plan,
        count(p.person_id) filter (where p.is_parallel_plan) as with_parallel_plan,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'REMAINSUP')) as plan_remain_with_family_supported,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'RETURN1M')) as plan_return_within_1_month,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'RETURN6M')) as plan_return_within_6_months,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'RETURNEV')) as plan_return_eventually,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'LTRELFR')) as plan_long_term_relatives_friends,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'LTFOST18')) as plan_long_term_foster_care,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'RESPLMT')) as plan_residential_to_independence,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'SUPPLIV')) as plan_supported_living,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'ADOPTION')) as plan_adoption,
        count(p.person_id) filter (where list_contains(p.plan_codes, 'OTHERPLN')) as plan_other
    from periods
    left join intermediate.int_cla_permanence_plan_at_period_end as p using (period_type, period_label)
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    c.cla_ceased,
    c.ceased_adopted,
    reference.pct(c.ceased_adopted, c.cla_ceased) as ceased_adopted_pct,
    c.ceased_sgo,
    reference.pct(c.ceased_sgo, c.cla_ceased) as ceased_sgo_pct,
    a.adoptions_timed_to_placement,
    a.days_entered_care_to_placed_total,
    round(a.days_entered_care_to_placed_total / nullif(a.adoptions_timed_to_placement, 0), 1) as days_entered_care_to_placed_avg,
    a.adoptions_timed_to_match,
    a.days_placement_order_to_match_total,
    round(a.days_placement_order_to_match_total / nullif(a.adoptions_timed_to_match, 0), 1) as days_placement_order_to_match_avg,
    s.cla_count,
    s.with_adoption_decision,
    s.placed_for_adoption,
    p.with_permanence_plan,
    reference.pct(p.with_permanence_plan, s.cla_count) as with_permanence_plan_pct,
    p.with_parallel_plan,
    p.plan_remain_with_family_supported,
    p.plan_return_within_1_month,
    p.plan_return_within_6_months,
    p.plan_return_eventually,
    p.plan_long_term_relatives_friends,
    p.plan_long_term_foster_care,
    p.plan_residential_to_independence,
    p.plan_supported_living,
    p.plan_adoption,
    p.plan_other
from periods
inner join ceased as c using (period_type, period_label)
inner join adoptions as a using (period_type, period_label)
inner join stock as s using (period_type, period_label)
inner join plans as p using (period_type, period_label)
order by periods.period_type, periods.period_start
