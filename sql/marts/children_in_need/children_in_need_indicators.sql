/*
grain: one row per children-in-need indicator, period type and period
definition: |
  The children in need marts reshaped to the long indicator shape (unioned into marts.indicator_values).
  Codes match DfE's published figures where the measure is the same (cin_rate_per_10k_31mar). Stocks are the
  value at the period's reference date: month-end for a month, 31 March for a financial year, the as-at date
  for a period in progress (the code keeps DfE's "31mar" name for the monthly series). Referrals resulting
  in NFA stay in marts.front_door_indicators (referrals_nfa_pct); they are not repeated here.
  Definitions: marts.children_in_need and marts.domestic_abuse_in_assessments.
columns:
  indicator_code: Indicator code (see reference.indicator_catalogue).
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
  value: The indicator's value.
  numerator: Count behind the value.
  denominator: Denominator behind a % or rate; null for a plain count.
tests:
  unique: [indicator_code, period_type, period_label]
  not_null: [indicator_code, period_type, period_label, numerator]
*/
with cin as (
    select * from marts.children_in_need
),

domestic_abuse as (
    select * from marts.domestic_abuse_in_assessments
)

select 'cin_count_31mar' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(children_in_need as double) as value, cast(children_in_need as bigint) as numerator,
    cast(null as bigint) as denominator
from cin
union all
select 'cin_rate_per_10k_31mar', period_type, period_label, period_start, period_end, is_complete,
    cin_rate_per_10k, children_in_need, population_0_17
from cin
union all
select 'cin_plans_open_count', period_type, period_label, period_start, period_end, is_complete,
    cin_plans_open, cin_plans_open, null
from cin
union all
select 'assessments_domestic_abuse_pct', period_type, period_label, period_start, period_end, is_complete,
    domestic_abuse_pct, assessments_domestic_abuse, assessments_in_denominator
from domestic_abuse
