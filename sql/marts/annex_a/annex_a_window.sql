/*
grain: one row - the Annex A reporting window
materialized: view
definition: |
  The as-at date and reporting window every Annex A list is scoped by. A view, so it is worked out when a
  list is read, not when the warehouse is built:
  - as_at_date: the DuckDB variable annex_a_as_at when set (the annex-a command sets it from --as-at),
    otherwise reference.run_context.as_at_date (the newest case extract), so the nightly build's
    marts.annex_a_list_* tables are the default request.
  - window_months: variable annex_a_months when set (--months), otherwise 6 (Ofsted: the six months
    before the inspection).
  - The window is the window_months months up to and including the as-at date: as-at 31 March 2025 and
    6 months gives 1 October 2024 to 31 March 2025. "Last 12 months" columns use the 12 months up to and
    including the as-at date in the same way.
  Nothing dated after the as-at date is shown on a list (a later end date reads as still open), so a past
  as-at date reproduces what the lists would have said on that day, as far as the current extract allows.
columns:
  as_at_date: The date the lists describe.
  window_months: Length of the reporting window in months.
  window_start: First day of the window (inclusive).
  window_end: Last day of the window (the as-at date, inclusive).
  last_12_months_start: First day of the 12 months up to the as-at date (inclusive).
*/
with context as (
    select as_at_date from reference.run_context
),

params as (
    select
        coalesce(cast(getvariable('annex_a_as_at') as date), context.as_at_date) as as_at_date,
        coalesce(cast(getvariable('annex_a_months') as integer), 6) as window_months
    from context
)

select
    as_at_date,
    window_months,
    cast(as_at_date - to_months(window_months) + interval 1 day as date) as window_start,
    as_at_date as window_end,
    cast(as_at_date - to_months(12) + interval 1 day as date) as last_12_months_start
from params
