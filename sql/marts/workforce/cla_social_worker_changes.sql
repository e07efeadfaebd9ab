/*
grain: one row per financial year and child looked after at 31 March (as-at date for the year in progress)
definition: |
  The child-level list behind cla_3plus_social_workers_in_year_pct (DfE stability measures): children
  looked after at 31 March with the number of different social workers allocated to them during the year
  (1 April - 31 March, including time not looked after), from intermediate.int_workers_allocated_to_cla.
columns:
  period_label: Financial year, 2024-25.
  snapshot_date: 31 March, or the as-at date for the year in progress.
  person_id: The child.
  social_workers_in_year: Different social workers in the year.
  has_3plus_social_workers: Three or more.
tests:
  unique: [period_label, person_id]
  not_null: [period_label, person_id]
*/
select period_label, snapshot_date, person_id, social_workers_in_year, has_3plus_social_workers
from intermediate.int_workers_allocated_to_cla
order by period_label, person_id
