/*
grain: one row per workforce snapshot and worker holding at least one case
definition: |
  The worker-level list behind every caseload figure (intermediate.int_caseloads_at_snapshot): children
  held by each worker on each month end and 30 September census date, with a caseload band for the
  distribution by team, and whether the worker is over the caseload threshold (setting caseload_threshold).
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  worker_id: Worker id.
  team_id: Team.
  team_name: Team name.
  service_area: The team's parent department.
  cases: Children held.
  caseload_band: 1-5, 6-10, 11-15, 16-20, 21-25 or 26+.
  fte: FTE.
  is_social_worker: Registered with Social Work England.
  is_agency: Agency worker.
  in_hr_in_post: HR has the worker in post on the snapshot date.
  is_over_threshold: More cases than the caseload threshold.
tests:
  unique: [period_type, period_label, worker_id]
  not_null: [period_type, period_label, worker_id, cases, caseload_band]
*/
select
    c.period_type, c.period_label, c.snapshot_date, c.worker_id, c.team_id,
    d.team_name, d.parent_team_name as service_area,
    c.cases,
    case when c.cases <= 5 then '1-5' when c.cases <= 10 then '6-10' when c.cases <= 15 then '11-15'
         when c.cases <= 20 then '16-20' when c.cases <= 25 then '21-25' else '26+' end as caseload_band,
    c.fte, c.is_social_worker, c.is_agency, c.in_hr_in_post, c.is_over_threshold
from intermediate.int_caseloads_at_snapshot as c
left join staging.stg_case__department as d on d.team_id = c.team_id
order by c.period_type, c.period_label, c.team_id, c.worker_id
