/*
grain: one row per workforce indicator, period type and period
definition: |
  marts.workforce reshaped to the long indicator shape (see marts.indicator_values), plus the children
  in care social worker stability measure. Period types: 'census_30sep' = the DfE workforce census
  snapshot at 30 September with flows over the 12 months to it (period_label '2024-09-30'; these rows
  compare with DfE's published sw_* figures); 'month' = the same definitions at each month end (a local
  measure; turnover over the rolling 12 months). cla_3plus_social_workers_in_year_pct is per financial
  year (children looked after at 31 March). Codes named _30sep carry the month-end value for a month.
columns:
  indicator_code: Indicator code (see reference.indicator_catalogue).
  period_type: month, census_30sep or financial_year.
  period_label: 2024-05, 2024-09-30 or 2024-25.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
  value: The indicator's value.
  numerator: Count (or FTE, rounded to a whole number) behind the value.
  denominator: Denominator behind a % (FTE rounded to a whole number); null for a count.
tests:
  unique: [indicator_code, period_type, period_label]
*/
with w as (
    select * from marts.workforce
),

cla as (
    select
        c.period_label,
        count(*) filter (where c.has_3plus_social_workers) as with_3plus,
        count(*) as cla
    from intermediate.int_workers_allocated_to_cla as c
    group by all
),

long as (
    select 'sw_fte_count_30sep' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
        cast(sw_fte as double) as value, cast(round(sw_fte) as bigint) as numerator, cast(null as bigint) as denominator
    from w
    union all
    select 'sw_agency_fte_count', period_type, period_label, period_start, period_end, is_complete,
        agency_fte, round(agency_fte), null
    from w
    union all
    select 'sw_agency_rate_fte_pct', period_type, period_label, period_start, period_end, is_complete,
        agency_rate_pct, round(agency_fte), round(agency_fte + sw_fte)
    from w
    union all
    select 'sw_vacancy_rate_fte_pct', period_type, period_label, period_start, period_end, is_complete,
        vacancy_rate_pct, round(vacancy_fte), round(vacancy_fte + sw_fte)
    from w
    union all
    select 'sw_turnover_rate_fte_pct', period_type, period_label, period_start, period_end, is_complete,
        turnover_rate_pct, round(leavers_fte), round(sw_fte)
    from w
    union all
    select 'sw_stability_12m_pct', period_type, period_label, period_start, period_end, is_complete,
        stability_pct, null, round(sw_fte)
    from w
    union all
    select 'sw_avg_caseload_30sep', period_type, period_label, period_start, period_end, is_complete,
        avg_caseload, cases_held_fte_basis, round(case_holder_fte)
    from w
    union all
    select 'sw_over_caseload_threshold_count', period_type, period_label, period_start, period_end, is_complete,
        over_threshold, over_threshold, null
    from w
    union all
    select 'sw_sickness_absence_rate_pct', period_type, period_label, period_start, period_end, is_complete,
        sickness_absence_rate_pct, round(sickness_days_lost), round(sw_fte * reference.setting_int('sickness_working_days_per_fte_year'))
    from w
    where sickness_days_lost is not null
    union all
    select 'cla_3plus_social_workers_in_year_pct', p.period_type, p.period_label, p.period_start, p.period_end, p.is_complete,
        reference.pct(cla.with_3plus, cla.cla), cla.with_3plus, cla.cla
    from cla
    join reference.reporting_periods as p on p.period_type = 'financial_year' and p.period_label = cla.period_label
)

select * from long
