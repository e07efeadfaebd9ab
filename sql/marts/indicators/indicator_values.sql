/*
grain: one row per indicator, period type and period
definition: |
  Every indicator the warehouse computes, in one long shape that the data pack, the comparator files and
  analysts all read. indicator_code matches the codes of DfE's published figures
  (../shared/reference/published_figures.csv) wherever the same measure is published, so local and
  published values join on it. Definitions, units and polarity come from reference.indicator_catalogue.
  Monthly values are local measures (DfE publishes years); a financial-year value for the year holding
  the as-at date is year-to-date (is_complete = false).
columns:
  indicator_code: Indicator code, shared with DfE's published figures where the measure is the same.
  area: Self-evaluation area the indicator belongs to (front_door, child_protection...).
  period_type: month, financial_year, or census_30sep for the workforce census snapshot.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
  value: The indicator's value (a count, a % to 1 dp, or a rate per 10,000 to 1 dp).
  numerator: Count behind the value (FTE for workforce rates, so a decimal).
  denominator: Denominator behind a % or rate; null for a plain count.
  unit: count, percent or rate_per_10000.
  polarity: higher_is_better, lower_is_better or neutral.
tests:
  unique: [indicator_code, period_type, period_label]
  not_null: [indicator_code, period_type, period_label, polarity]
  accepted_values:
    period_type: [month, financial_year, census_30sep]
    unit: [count, percent, rate_per_10000, days, working_days, ratio, cases_per_fte]
    polarity: [higher_is_better, lower_is_better, neutral]
  relationships:
    indicator_code: reference.indicator_catalogue.indicator_code
*/
-- Each area's *_indicators model contributes its rows: one line per area below.
with values_long as (
    select * from marts.front_door_indicators
    union all select * from marts.child_protection_indicators
    union all select * from marts.children_in_need_indicators
    union all select * from marts.children_in_care_indicators
    union all select * from marts.permanence_indicators
    union all select * from marts.missing_indicators
    union all select * from marts.care_leavers_indicators
    union all select * from marts.complaints_indicators
    union all select * from marts.workforce_indicators
)

select
    values_long.indicator_code,
    catalogue.area,
    values_long.period_type,
    values_long.period_label,
    values_long.period_start,
    values_long.period_end,
    values_long.is_complete,
    cast(values_long.value as double) as value,
    -- double, not bigint: workforce numerators are FTE (12.5 agency FTE of 86.0)
    cast(values_long.numerator as double) as numerator,
    cast(values_long.denominator as double) as denominator,
    catalogue.unit,
    catalogue.polarity
from values_long
left join reference.indicator_catalogue as catalogue using (indicator_code)
order by values_long.indicator_code, values_long.period_type, values_long.period_start
