/*
grain: one row per missing indicator, period type and period
definition: |
  marts.missing reshaped to the long indicator shape (see marts.indicator_values). cla_missing_in_year_pct and cla_away_without_auth_in_year_pct match DfE's published codes (for a month: children looked after in the month with an episode in it); the rest are local.
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
    select * from marts.missing
)

select 'cla_missing_in_year_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_missing_pct as double) as value, cast(cla_missing as bigint) as numerator, cast(cla_in_period as bigint) as denominator
from src
union all
select 'cla_away_without_auth_in_year_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_away_pct as double) as value, cast(cla_away as bigint) as numerator, cast(cla_in_period as bigint) as denominator
from src
union all
select 'missing_episodes_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(episodes_started as double) as value, cast(episodes_started as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_missing_episodes_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_episodes_started as double) as value, cast(cla_episodes_started as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'missing_rhi_offered_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(rhi_offered_pct as double) as value, cast(rhi_offered as bigint) as numerator, cast(returns_due as bigint) as denominator
from src
union all
select 'missing_rhi_accepted_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(rhi_accepted_pct as double) as value, cast(rhi_accepted as bigint) as numerator, cast(returns_due as bigint) as denominator
from src
union all
select 'missing_children_at_period_end_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(missing_at_snapshot as double) as value, cast(missing_at_snapshot as bigint) as numerator, cast(null as bigint) as denominator
from src
union all
select 'cla_missing_at_period_end_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_missing_at_snapshot as double) as value, cast(cla_missing_at_snapshot as bigint) as numerator, cast(null as bigint) as denominator
from src
