/*
grain: one row - the CIN census year and the date it is taken as at
materialized: view
definition: |
  The collection year and as-at date every cin_census_* model is scoped by. A view, worked out when the
  census is read, so `return cin --year 2025-26 --as-at 2025-10-31` and the nightly marts share one copy of
  each rule:
  - reference_date: 31 March ending the collection year (DfE CIN census guide: the census year runs 1 April to
    31 March; the header's ReferenceDate). The DuckDB variable cin_census_year_end when set (the command sets
    it from --year); otherwise the year in progress at the warehouse's as-at date, so the nightly marts show
    the census so far.
  - as_at_date: the date the census describes: variable cin_census_as_at when set (--as-at), otherwise the
    newest case extract (reference.run_context), and never later than reference_date. A census taken during
    the year (monthly runs, to fix errors before DfE's deadline) shows nothing dated after as_at_date: a later
    closure, end or authorisation reads as still open, exactly as the case system looked on that day.
columns:
  year_start: 1 April, the first day of the collection year.
  reference_date: 31 March, the last day of the collection year (header ReferenceDate).
  as_at_date: The day the census describes (reference_date for a closed year).
  collection_year: The year the collection ends in (2026 for 2025-26), the header's Year.
*/
with context as (
    select as_at_date from reference.run_context
),

params as (
    select
        coalesce(cast(getvariable('cin_census_as_at') as date), context.as_at_date) as requested_as_at,
        coalesce(cast(getvariable('cin_census_year_end') as date),
                 make_date(cast(year(context.as_at_date) + case when month(context.as_at_date) >= 4 then 1 else 0 end
                                as bigint), 3, 31)) as reference_date
    from context
)

select
    cast(reference_date - interval 1 year + interval 1 day as date) as year_start,
    reference_date,
    least(requested_as_at, reference_date) as as_at_date,
    cast(year(reference_date) as integer) as collection_year
from params
