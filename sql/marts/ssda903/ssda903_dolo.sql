/*
grain: one row per deprivation of liberty order of a child in the return (SSDA903 from 2026-27)
materialized: view
definition: |
  The return's DoLo table, new in 2026-27 (DfE's validator lac2026_27, rules 700-710): deprivation of
  liberty orders of children looked after in the year, with start and end dates. The Standard Safeguarding
  Dataset has no table for these orders yet, so the view is empty and the 2026-27 file holds its header
  only: the team adds the orders by hand (docs/returns.md) until the SSD carries them.
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  dolo_start: Date the order began (DOLO_START).
  dolo_end: Date it ended (DOLO_END).
*/
select
    cast(null as varchar) as child,
    cast(null as date) as dob,
    cast(null as date) as dolo_start,
    cast(null as date) as dolo_end
where false
