/*
grain: one row per front-door indicator, period type and period
definition: |
  marts.front_door reshaped to the long indicator shape (see marts.indicator_values, which unions every
  area's *_indicators model). Codes match DfE's published figures where the measure is the same, including
  EES table C2's duration bands (assessments_<band>_count) and percentiles (assessment_duration_<p>_wd,
  value in working days, numerator = the timed assessments they describe, no denominator).
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
*/
with front_door as (
    select * from marts.front_door
)

select 'referrals_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(referrals as double) as value, cast(referrals as bigint) as numerator, cast(null as bigint) as denominator
from front_door
union all
select 'referrals_rate_per_10k', period_type, period_label, period_start, period_end, is_complete,
    referral_rate_per_10k, referrals, population_0_17
from front_door
union all
select 'rereferrals_within_12m_pct', period_type, period_label, period_start, period_end, is_complete,
    re_referral_pct, re_referrals_12m, referrals
from front_door
union all
select 'referrals_nfa_pct', period_type, period_label, period_start, period_end, is_complete,
    referrals_nfa_pct, referrals_nfa, referrals
from front_door
union all
select 'assessments_completed_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_completed, assessments_completed, null
from front_door
union all
select 'assessments_within_45wd_pct', period_type, period_label, period_start, period_end, is_complete,
    assessments_within_45wd_pct, assessments_within_45wd, assessments_timed
from front_door
union all
select 'assessments_same_day_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_same_day, assessments_same_day, null
from front_door
union all
select 'assessments_1_10wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_1_10wd, assessments_1_10wd, null
from front_door
union all
select 'assessments_11_20wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_11_20wd, assessments_11_20wd, null
from front_door
union all
select 'assessments_21_30wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_21_30wd, assessments_21_30wd, null
from front_door
union all
select 'assessments_31_40wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_31_40wd, assessments_31_40wd, null
from front_door
union all
select 'assessments_41_45wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_41_45wd, assessments_41_45wd, null
from front_door
union all
select 'assessments_46_50wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_46_50wd, assessments_46_50wd, null
from front_door
union all
select 'assessments_51_60wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_51_60wd, assessments_51_60wd, null
from front_door
union all
select 'assessments_61plus_wd_count', period_type, period_label, period_start, period_end, is_complete,
    assessments_61plus_wd, assessments_61plus_wd, null
from front_door
union all
select 'assessment_duration_p25_wd', period_type, period_label, period_start, period_end, is_complete,
    assessment_duration_p25_wd, assessments_timed, null
from front_door
union all
select 'assessment_duration_median_wd', period_type, period_label, period_start, period_end, is_complete,
    assessment_duration_median_wd, assessments_timed, null
from front_door
union all
select 'assessment_duration_p75_wd', period_type, period_label, period_start, period_end, is_complete,
    assessment_duration_p75_wd, assessments_timed, null
from front_door
