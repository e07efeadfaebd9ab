/*
grain: one row per workforce snapshot and worker holding at least one case on its snapshot date
definition: |
  Caseloads from the case system: the children each worker holds on the snapshot date
  (intermediate.int_workers_snapshot_dates), counted from staging.stg_case__involvements. A child is
  held by a worker on date D when the allocation started on or before D and has not ended or ends after
  D, so a case handed over on D belongs to the new worker and a case closed on D is not counted.
  Allocations whose role names anything other than an allocated worker (e.g. an IRO) are left out; a
  blank role counts. A child counts once per worker. The worker's FTE, registration and agency status
  come from their HR spell in post on D, else from the case system (ssd_professionals). DfE average
  caseload (workforce census) = cases held by social workers / FTE of social workers holding at least
  one case with FTE > 0.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  worker_id: Worker id.
  team_id: The team the worker held most of these cases in.
  cases: Children allocated to the worker on the snapshot date.
  fte: FTE (HR spell in post, else case system).
  is_social_worker: Registered with Social Work England (HR, else case system).
  is_agency: Agency worker (HR, else case system).
  in_hr_in_post: HR has the worker in post on the snapshot date.
  is_over_threshold: cases is above the setting caseload_threshold.
tests:
  unique: [period_type, period_label, worker_id]
  not_null: [period_type, period_label, worker_id, cases]
*/
with snapshots as (
    select * from intermediate.int_workers_snapshot_dates
),

involvements as (
    select * from staging.stg_case__involvements
    where worker_id is not null and start_date is not null
      and (involvement_role is null or lower(involvement_role) like '%allocated%')
),

held as (
    select s.period_type, s.period_label, s.snapshot_date, i.worker_id,
        count(distinct i.person_id) as cases,
        mode(i.team_id) as team_id
    from snapshots as s
    join involvements as i
        on reference.in_force(i.start_date, i.end_date, s.snapshot_date)
    group by all
)

select
    h.period_type, h.period_label, h.snapshot_date, h.worker_id,
    coalesce(h.team_id, hr.team_id) as team_id,
    h.cases,
    coalesce(hr.fte, p.fte) as fte,
    coalesce(hr.is_registered_social_worker, p.swe_registration_number is not null) as is_social_worker,
    coalesce(hr.is_agency, p.is_agency, false) as is_agency,
    hr.worker_id is not null as in_hr_in_post,
    h.cases > reference.setting_int('caseload_threshold') as is_over_threshold
from held as h
left join intermediate.int_workers_at_snapshot as hr
    on hr.period_type = h.period_type and hr.period_label = h.period_label and hr.worker_id = h.worker_id
left join staging.stg_case__professionals as p on p.worker_id = h.worker_id
