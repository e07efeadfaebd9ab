/*
grain: one row per children-in-care indicator, period type and period
definition: |
  marts.children_in_care reshaped to the long indicator shape (see marts.indicator_values). Codes match DfE's
  published figures where the measure is the same (cla_count_31mar, cla_rate_per_10k_31mar,
  uasc_cla_count_31mar, uasc_pct_of_cla_starting, cla_placed_over20miles_outside_la_pct,
  cla_3plus_placements_in_year_pct, cla_in_care_2yrs_3plus_placements_in_2yrs_pct/_count, cla_in_care_2yrs_count,
  cla_long_term_stability_pct/_count, cla_under16_in_care_2_5yrs_count).
  Stock codes named "_31mar" carry the month-end value for a month and the 31 March (or as-at) value for a
  year. cla_3plus_placements_in_year_pct and the two-year stability codes are reported for financial years only. Percentages to 1 dp (DfE
  publishes whole numbers).
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
with cla as (
    select * from marts.children_in_care
)

select 'cla_count_31mar' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_count as double) as value, cast(cla_count as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'cla_rate_per_10k_31mar' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_rate_per_10k as double) as value, cast(cla_count as bigint) as numerator, cast(population_0_17 as bigint) as denominator
from cla
union all
select 'cla_started_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_started as double) as value, cast(cla_started as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'cla_ceased_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(cla_ceased as double) as value, cast(cla_ceased as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'uasc_cla_count_31mar' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(uasc_count as double) as value, cast(uasc_count as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'uasc_pct_of_cla_31mar' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(uasc_pct as double) as value, cast(uasc_count as bigint) as numerator, cast(cla_count as bigint) as denominator
from cla
union all
select 'uasc_pct_of_cla_starting' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(uasc_started_pct as double) as value, cast(uasc_started as bigint) as numerator, cast(cla_started as bigint) as denominator
from cla
union all
select 'cla_placed_outside_la_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(placed_outside_la_pct as double) as value, cast(placed_outside_la as bigint) as numerator, cast(cla_count as bigint) as denominator
from cla
union all
select 'cla_placed_over20miles_outside_la_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(placed_over20_outside_la_pct as double) as value, cast(placed_over20_outside_la as bigint) as numerator, cast(cla_count as bigint) as denominator
from cla
union all
select 'cla_placement_distance_unknown_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(distance_unknown as double) as value, cast(distance_unknown as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'cla_3plus_placements_in_year_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_3plus_placements_pct as double) as value, cast(with_3plus_placements as bigint) as numerator, cast(cla_count as bigint) as denominator
from cla
where period_type = 'financial_year'
union all
select 'cla_in_care_2yrs_3plus_placements_in_2yrs_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_3plus_placements_in_2_years_pct as double) as value, cast(with_3plus_placements_in_2_years as bigint) as numerator, cast(in_care_2_years as bigint) as denominator
from cla
where period_type = 'financial_year'
union all
select 'cla_in_care_2yrs_3plus_placements_in_2yrs_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(with_3plus_placements_in_2_years as double) as value, cast(with_3plus_placements_in_2_years as bigint) as numerator, cast(null as bigint) as denominator
from cla
where period_type = 'financial_year'
union all
select 'cla_in_care_2yrs_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(in_care_2_years as double) as value, cast(in_care_2_years as bigint) as numerator, cast(null as bigint) as denominator
from cla
where period_type = 'financial_year'
union all
select 'cla_long_term_stability_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(long_term_stability_pct as double) as value, cast(long_term_stable as bigint) as numerator, cast(long_term_cohort as bigint) as denominator
from cla
union all
select 'cla_long_term_stability_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(long_term_stable as double) as value, cast(long_term_stable as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'cla_under16_in_care_2_5yrs_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(long_term_cohort as double) as value, cast(long_term_cohort as bigint) as numerator, cast(null as bigint) as denominator
from cla
union all
select 'cla_health_assessment_up_to_date_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(health_assessment_pct as double) as value, cast(health_assessment_up_to_date as bigint) as numerator, cast(looked_after_12_months as bigint) as denominator
from cla
union all
select 'cla_dental_check_up_to_date_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(dental_check_pct as double) as value, cast(dental_check_up_to_date as bigint) as numerator, cast(looked_after_12_months as bigint) as denominator
from cla
union all
select 'cla_reviews_in_time_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(reviews_in_time_pct as double) as value, cast(reviews_in_time as bigint) as numerator, cast(reviews_held as bigint) as denominator
from cla
union all
select 'cla_review_participation_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(reviews_participation_pct as double) as value, cast(reviews_child_participated as bigint) as numerator, cast(reviews_participation_recorded as bigint) as denominator
from cla
union all
select 'cla_reviews_up_to_date_pct' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(reviews_up_to_date_pct as double) as value, cast(reviews_up_to_date as bigint) as numerator, cast(review_cohort as bigint) as denominator
from cla
