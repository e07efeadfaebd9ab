/*
grain: one row for the whole build
definition: |
  The window every data-quality rule checks records in. A record is checked when it was in force (or,
  for a dated event, happened) at some time from scope_start to the as-at date: scope_start is 1 April of
  the financial year dq_scope_years_back years before the one holding the as-at date (default 1: last
  year and this year, the returns still open or being prepared). Older records reach no return, no
  Annex A list and no indicator the pack shows, so a team is not asked to correct them.
columns:
  as_at_date: Extract date of the newest case-management snapshot (reference.run_context).
  scope_start: First day of the earliest financial year whose records are checked.
tests:
  not_null: [as_at_date, scope_start]
*/
with ctx as (
    select as_at_date from reference.run_context
)

select
    as_at_date,
    make_date(year(as_at_date - interval 3 month) - reference.setting_int('dq_scope_years_back'), 4, 1) as scope_start
from ctx
