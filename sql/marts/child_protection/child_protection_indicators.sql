/*
grain: one row per child protection indicator, period type and period
definition: |
  The child protection marts reshaped to the long indicator shape (unioned into marts.indicator_values).
  Codes match DfE's published figures (../shared/reference/published_figures.csv) where the measure is the
  same: s47_rate_per_10k, icpc_rate_per_10k, icpc_within_15wd_pct, cpp_count_31mar, cpp_rate_per_10k_31mar,
  cpp_second_or_subsequent_pct, cpp_ended_count, cpp_ended_lasting_2yrs_plus_count,
  cpp_ended_lasting_2yrs_plus_pct, cpp_open_2yrs_plus_pct, cpp_reviewed_in_timescale_count and
  cpp_31mar_initial_cat_<category>_count. Stocks (the *_31mar codes, open/reviewed/visit-up-to-date measures)
  are the value at the period's reference date: month-end for a month, 31 March for a financial year, the
  as-at date for a period in progress; the code keeps DfE's "31mar" name for the monthly series too.
  Flows count events in the period. Definitions: the marts each row comes from (s47_enquiries,
  initial_cp_conferences, cp_plans, cp_reviews, cp_visits, cp_category_of_abuse).
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
with s47 as (
    select * from marts.s47_enquiries
),

icpc as (
    select * from marts.initial_cp_conferences
),

plans as (
    select * from marts.cp_plans
),

reviews as (
    select * from marts.cp_reviews
),

visits as (
    select * from marts.cp_visits
),

categories as (
    select
        c.*,
        periods.period_start,
        periods.period_end,
        periods.is_complete
    from marts.cp_category_of_abuse as c
    inner join reference.reporting_periods as periods using (period_type, period_label)
    where c.category in ('neglect', 'physical', 'sexual', 'emotional', 'multiple')
)

select 's47_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
    cast(s47_started as double) as value, cast(s47_started as bigint) as numerator,
    cast(null as bigint) as denominator
from s47
union all
select 's47_rate_per_10k', period_type, period_label, period_start, period_end, is_complete,
    s47_rate_per_10k, s47_started, population_0_17
from s47
union all
select 'icpc_count', period_type, period_label, period_start, period_end, is_complete,
    icpcs, icpcs, null
from icpc
union all
select 'icpc_rate_per_10k', period_type, period_label, period_start, period_end, is_complete,
    icpc_rate_per_10k, icpcs, population_0_17
from icpc
union all
select 'icpc_within_15wd_pct', period_type, period_label, period_start, period_end, is_complete,
    icpcs_within_15wd_pct, icpcs_within_15wd, icpcs_timed
from icpc
union all
select 'cpp_count_31mar', period_type, period_label, period_start, period_end, is_complete,
    children_on_plan, children_on_plan, null
from plans
union all
select 'cpp_rate_per_10k_31mar', period_type, period_label, period_start, period_end, is_complete,
    cpp_rate_per_10k, children_on_plan, population_0_17
from plans
union all
select 'cpp_starts_count', period_type, period_label, period_start, period_end, is_complete,
    plan_starts, plan_starts, null
from plans
union all
select 'cpp_second_or_subsequent_pct', period_type, period_label, period_start, period_end, is_complete,
    second_or_subsequent_pct, plan_starts_second_or_subsequent, plan_starts
from plans
union all
select 'cpp_ended_count', period_type, period_label, period_start, period_end, is_complete,
    plans_ended, plans_ended, null
from plans
union all
select 'cpp_ended_lasting_2yrs_plus_count', period_type, period_label, period_start, period_end, is_complete,
    plans_ended_two_years_plus, plans_ended_two_years_plus, null
from plans
union all
select 'cpp_ended_lasting_2yrs_plus_pct', period_type, period_label, period_start, period_end, is_complete,
    plans_ended_two_years_plus_pct, plans_ended_two_years_plus, plans_ended
from plans
union all
select 'cpp_open_2yrs_plus_count', period_type, period_label, period_start, period_end, is_complete,
    children_open_two_years_plus, children_open_two_years_plus, null
from plans
union all
select 'cpp_open_2yrs_plus_pct', period_type, period_label, period_start, period_end, is_complete,
    open_two_years_plus_pct, children_open_two_years_plus, children_on_plan
from plans
union all
select 'cpp_open_over_18m_count', period_type, period_label, period_start, period_end, is_complete,
    children_open_over_18_months, children_open_over_18_months, null
from plans
union all
select 'cpp_reviewed_in_timescale_count', period_type, period_label, period_start, period_end, is_complete,
    children_reviewed_in_timescale, children_reviewed_in_timescale, null
from reviews
union all
select 'cpp_reviewed_in_timescale_pct', period_type, period_label, period_start, period_end, is_complete,
    children_reviewed_in_timescale_pct, children_reviewed_in_timescale, children_on_plan_3_months_plus
from reviews
union all
select 'cp_reviews_held_in_time_pct', period_type, period_label, period_start, period_end, is_complete,
    reviews_held_in_time_pct, reviews_held_in_time, reviews_held
from reviews
union all
select 'cp_visits_within_timescale_pct', period_type, period_label, period_start, period_end, is_complete,
    visits_within_timescale_pct, visits_within_timescale, visits_timed
from visits
union all
select 'cp_visits_seen_alone_pct', period_type, period_label, period_start, period_end, is_complete,
    visits_seen_alone_pct, visits_child_seen_alone, visits_child_seen
from visits
union all
select 'cpp_visit_up_to_date_pct', period_type, period_label, period_start, period_end, is_complete,
    children_visit_up_to_date_pct, children_visit_up_to_date, children_on_plan
from visits
union all
select 'cpp_31mar_initial_cat_' || category || '_count', period_type, period_label, period_start, period_end,
    is_complete, initial_count, initial_count, null
from categories
where cohort = 'on_plan_at_period_end'
union all
select 'cpp_31mar_latest_cat_' || category || '_count', period_type, period_label, period_start, period_end,
    is_complete, latest_count, latest_count, null
from categories
where cohort = 'on_plan_at_period_end'
union all
select 'cpp_starts_initial_cat_' || category || '_count', period_type, period_label, period_start, period_end,
    is_complete, initial_count, initial_count, null
from categories
where cohort = 'started_in_period'
