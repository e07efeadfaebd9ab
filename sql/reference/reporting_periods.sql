/*
grain: one row per reporting period (calendar month or financial year) up to the as-at date
definition: |
  The periods every indicator is reported for. Financial years run 1 April to 31 March, labelled as
  DfE's reporting years are (2024-25 = year ending 31 March 2025). Months are calendar months inside
  those years. Each period carries the ONS mid-year population of children aged 0-17 used for its rates
  (the financial year's figure, also for its months). Only years the population file covers are reported,
  since a rate needs its denominator.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  financial_year: The financial year the period falls in (2024-25).
  population_0_17: ONS mid-year estimate of children aged 0-17 for the financial year; the denominator of every rate per 10,000.
  is_complete: True when the period ended on or before the as-at date; the period holding the as-at date is year- or month-to-date.
  snapshot_date: The day a stock (children on a plan, in care) is counted for the period - its last day, or the as-at date for the period in progress - least(period_end, as_at_date). Every "at period end" model reads it here.
tests:
  unique: [period_type, period_label]
  not_null: [period_start, period_end, population_0_17, snapshot_date]
*/
with years as (
    select
        financial_year,
        population_0_17,
        make_date(cast(left(financial_year, 4) as integer), 4, 1) as period_start,
        make_date(cast(left(financial_year, 4) as integer) + 1, 3, 31) as period_end
    from reference.population_0_17
),

financial_years as (
    select 'financial_year' as period_type, financial_year as period_label, period_start, period_end,
        financial_year, population_0_17
    from years
),

months as (
    select
        'month' as period_type,
        strftime(m, '%Y-%m') as period_label,
        cast(m as date) as period_start,
        last_day(cast(m as date)) as period_end,
        years.financial_year,
        years.population_0_17
    from years,
        range(cast(years.period_start as timestamp), cast(years.period_end as timestamp), interval 1 month) as r(m)
),

periods as (
    select * from financial_years
    union all
    select * from months
)

select
    periods.*,
    periods.period_end <= ctx.as_at_date as is_complete,
    least(periods.period_end, ctx.as_at_date) as snapshot_date
from periods
cross join reference.run_context as ctx
where periods.period_start <= ctx.as_at_date
