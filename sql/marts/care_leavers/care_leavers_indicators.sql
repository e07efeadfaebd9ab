/*
grain: one row per care leavers indicator, period type and period
definition: |
  marts.care_leavers reshaped to the long indicator shape (see marts.indicator_values). care_leavers_19_21_eet_pct, care_leavers_19_21_suitable_accom_pct, care_leavers_la_not_in_touch_pct (ages 19-21) and care_leavers_19_20_staying_put_pct match DfE's published codes; birthday measures are financial years only.
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
    select * from marts.care_leavers
)

select 'care_leavers_19_21_in_touch_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_19_21_in_touch_pct as double) as value, cast(leavers_19_21_in_touch as bigint) as numerator, cast(leavers_19_21 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_la_not_in_touch_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_19_21_not_in_touch_pct as double) as value, cast(leavers_19_21_not_in_touch as bigint) as numerator, cast(leavers_19_21 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_19_21_eet_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_19_21_eet_pct as double) as value, cast(leavers_19_21_eet as bigint) as numerator, cast(leavers_19_21 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_19_21_suitable_accom_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_19_21_suitable_pct as double) as value, cast(leavers_19_21_suitable as bigint) as numerator, cast(leavers_19_21_accommodation_known as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_17_18_in_touch_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_17_18_in_touch_pct as double) as value, cast(leavers_17_18_in_touch as bigint) as numerator, cast(leavers_17_18 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_17_18_eet_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_17_18_eet_pct as double) as value, cast(leavers_17_18_eet as bigint) as numerator, cast(leavers_17_18 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_17_18_suitable_accom_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(leavers_17_18_suitable_pct as double) as value, cast(leavers_17_18_suitable as bigint) as numerator, cast(leavers_17_18_accommodation_known as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_19_20_staying_put_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(staying_put_19_20_pct as double) as value, cast(staying_put_19_20 as bigint) as numerator, cast(staying_put_eligible_19_20 as bigint) as denominator
from src
where period_type = 'financial_year'
union all
select 'care_leavers_pathway_review_6m_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(pathway_review_in_6_months_pct as double) as value, cast(pathway_review_in_6_months as bigint) as numerator, cast(care_leavers_open as bigint) as denominator
from src
