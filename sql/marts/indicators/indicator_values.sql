/*
grain: one row per indicator, period type and period
definition: |
  Every indicator the warehouse computes, in one long shape that the data pack, the comparator files and
  analysts all read. The rows are generated from the indicator catalogue (sql/seeds/indicator_catalogue/*.csv):
  each catalogue row names its source_model (a mart with period_type, period_label, period_start, period_end
  and is_complete), the SQL over one row of it for source_value, source_numerator and source_denominator
  (usually a column name), and an optional source_filter; one SELECT per row, unioned. Adding an indicator an
  existing mart computes is one catalogue row. indicator_code matches the codes of DfE's published figures
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
  history_complete: False when the period starts before the case extract's history is complete (intermediate.int_extract_history_window); the pack's trends and the comparator files leave such periods out unless asked. Always true for complaints and workforce, which come from their own systems.
  history_note: Why history_complete is false; null when true.
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
-- The build replaces the marker below with one SELECT per catalogue row (transform/IndicatorReshape):
--   select '<indicator_code>', period_type, period_label, period_start, period_end, is_complete,
--       cast((<source_value>) as double), cast((<source_numerator>) as double), cast((<source_denominator>) as double)
--   from <source_model> [where <source_filter>]
with values_long as (
    select * from {{ indicator_catalogue_reshape }}
)

select
    values_long.indicator_code,
    catalogue.area,
    values_long.period_type,
    values_long.period_label,
    values_long.period_start,
    values_long.period_end,
    values_long.is_complete,
    values_long.value,
    -- double, not bigint: workforce numerators are FTE (12.5 agency FTE of 86.0)
    values_long.numerator,
    values_long.denominator,
    catalogue.unit,
    catalogue.polarity,
    coalesce(catalogue.area in ('complaints', 'workforce') or history.history_complete_from is null
        or values_long.period_start >= history.history_complete_from, true) as history_complete,
    case
        when not coalesce(catalogue.area in ('complaints', 'workforce') or history.history_complete_from is null
            or values_long.period_start >= history.history_complete_from, true)
        then history.reason
    end as history_note
from values_long
left join reference.indicator_catalogue as catalogue using (indicator_code)
cross join intermediate.int_extract_history_window as history
order by values_long.indicator_code, values_long.period_type, values_long.period_start
