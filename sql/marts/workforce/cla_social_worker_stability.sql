/*
grain: one row per financial year
definition: |
  Children looked after at 31 March (the as-at date for the year in progress) who had three or more different
  social workers allocated during the year, as a % of all children looked after then (DfE stability measures;
  indicator cla_3plus_social_workers_in_year_pct). The children are listed in marts.cla_social_worker_changes.
columns:
  period_type: financial_year.
  period_label: Financial year, 2024-25.
  period_start: 1 April.
  period_end: 31 March.
  is_complete: False for the year in progress at the as-at date.
  cla_count: Children looked after at 31 March (as-at date for the year in progress).
  with_3plus_social_workers: Of them, those with three or more different social workers in the year.
  with_3plus_social_workers_pct: with_3plus_social_workers as a % of cla_count, 1 dp.
tests:
  unique: [period_label]
  not_null: [period_start, cla_count, with_3plus_social_workers]
*/
with children as (
    select * from intermediate.int_workers_allocated_to_cla
),

counted as (
    select
        period_label,
        count(*) filter (where has_3plus_social_workers) as with_3plus_social_workers,
        count(*) as cla_count
    from children
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    counted.cla_count,
    counted.with_3plus_social_workers,
    reference.pct(counted.with_3plus_social_workers, counted.cla_count) as with_3plus_social_workers_pct
from counted
inner join reference.reporting_periods as periods
    on periods.period_type = 'financial_year' and periods.period_label = counted.period_label
order by periods.period_start
