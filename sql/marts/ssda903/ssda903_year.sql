/*
grain: one row - the SSDA903 collection year the ssda903 marts describe
materialized: view
definition: |
  DfE's SSDA903 collection year, 1 April to 31 March. A view, so it is worked out when a return is read:
  the DuckDB variable ssda903_year_start when set (the return command sets it from --year), otherwise the
  latest collection year closed on the warehouse's as-at date (reference.run_context): on 4 December 2026
  that is 2025-26. The nightly build's marts.ssda903_* tables are therefore the return for that year.
  Nothing recorded after the year's 31 March is shown: an episode ending later is open in the return.
columns:
  collection_year: The year as DfE writes it (2025-26).
  year_start: 1 April.
  year_end: 31 March.
*/
with context as (
    select as_at_date from reference.run_context
),

chosen as (
    select
        coalesce(
            cast(getvariable('ssda903_year_start') as date),
            make_date(
                case when month(as_at_date) >= 4 then year(as_at_date) - 1 else year(as_at_date) - 2 end, 4, 1)
        ) as year_start
    from context
)

select
    year(year_start) || '-' || right(cast(year(year_start) + 1 as varchar), 2) as collection_year,
    year_start,
    cast(year_start + interval 1 year - interval 1 day as date) as year_end
from chosen
