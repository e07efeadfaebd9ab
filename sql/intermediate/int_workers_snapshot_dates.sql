/*
grain: "one row per workforce snapshot: each month end, and each 30 September census date"
definition: |
  The dates the workforce is counted on. period_type 'month' = the month's last day (the as-at date for
  the month in progress), reported for every month of reference.reporting_periods. period_type
  'census_30sep' = the DfE children's social work workforce census: a snapshot at 30 September with
  flows over the 12 months to it (period_start = 1 October the year before), labelled '2024-09-30', for
  every 30 September from the first reported month to the as-at date.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 for a month, 2024-09-30 for a census.
  period_start: First day of the period (census - 1 October of the year before).
  period_end: Last day of the period.
  snapshot_date: "The date stocks are counted on: period_end, or the as-at date for the period in progress."
  is_complete: False for the month holding the as-at date.
tests:
  unique: [period_type, period_label]
  not_null: [period_type, period_label, snapshot_date]
*/
with ctx as (
    select as_at_date from reference.run_context
),

months as (
    select p.period_type, p.period_label, p.period_start, p.period_end,
        p.snapshot_date, p.is_complete
    from reference.reporting_periods as p
    cross join ctx
    where p.period_type = 'month'
),

census as (
    select
        'census_30sep' as period_type,
        strftime(make_date(y, 9, 30), '%Y-%m-%d') as period_label,
        make_date(y - 1, 10, 1) as period_start,
        make_date(y, 9, 30) as period_end,
        make_date(y, 9, 30) as snapshot_date,
        true as is_complete
    from ctx,
        (select year(min(period_start)) as first_year from months) as f,
        range(f.first_year, year(ctx.as_at_date) + 1) as r(y)
    where make_date(y, 9, 30) <= ctx.as_at_date
      and make_date(y, 9, 30) >= (select min(period_start) from months)
)

select * from months
union all
select * from census
