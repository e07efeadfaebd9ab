/*
grain: one row per permanence indicator, period type and period
definition: |
  marts.permanence reshaped to the long indicator shape (see marts.indicator_values). cla_ceased_adopted_count/_pct and cla_ceased_sgo_count/_pct match DfE's published codes; the adoption timeliness averages carry the total days as numerator and the adoptions timed as denominator. cla_with_permanence_plan_count/_pct (CLA at the snapshot date with a permanence plan in force, % of all CLA then) are local measures: DfE publishes no comparator.
columns:
  indicator_code: Indicator code (see reference.indicator_catalogue).
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
  value: The indicator's value.
  numerator: Count behind the value.
  denominator: Denominator behind a % or average; null for a plain count.
tests:
  unique: [indicator_code, period_type, period_label]
*/
with src as (
    select * from marts.permanence
)

select 'cla_ceased_adopted_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(ceased_adopted as double) as value, cast(ceased_adopted as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_ceased_adopted_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(ceased_adopted_pct as double) as value, cast(ceased_adopted as bigint) as numerator, cast(cla_ceased as bigint) as denominator
from src
union all
select 'cla_ceased_sgo_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(ceased_sgo as double) as value, cast(ceased_sgo as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_ceased_sgo_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(ceased_sgo_pct as double) as value, cast(ceased_sgo as bigint) as numerator, cast(cla_ceased as bigint) as denominator
from src
union all
select 'adoption_days_entered_care_to_placed_avg' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(days_entered_care_to_placed_avg as double) as value, cast(days_entered_care_to_placed_total as bigint) as numerator, cast(adoptions_timed_to_placement as bigint) as denominator
from src
union all
select 'adoption_days_placement_order_to_match_avg' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(days_placement_order_to_match_avg as double) as value, cast(days_placement_order_to_match_total as bigint) as numerator, cast(adoptions_timed_to_match as bigint) as denominator
from src
union all
select 'cla_adoption_decision_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_adoption_decision as double) as value, cast(with_adoption_decision as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_placed_for_adoption_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(placed_for_adoption as double) as value, cast(placed_for_adoption as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_with_permanence_plan_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_permanence_plan as double) as value, cast(with_permanence_plan as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_with_permanence_plan_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_permanence_plan_pct as double) as value, cast(with_permanence_plan as bigint) as numerator, cast(cla_count as bigint) as denominator
from src
