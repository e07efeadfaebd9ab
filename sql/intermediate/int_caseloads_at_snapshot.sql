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
    select *, cast(date_trunc('month', snapshot_date) as date) as snapshot_month
    from intermediate.int_workers_snapshot_dates
),

bounds as (
    select min(snapshot_month) as first_month, max(snapshot_month) as last_month from snapshots
),

involvements as (
    select * from staging.stg_case__involvements
    where worker_id is not null and start_date is not null
      and (involvement_role is null or lower(involvement_role) like '%allocated%')
),

-- An allocation in force on D started on or before D and ends after it, so D's month lies between the start's
-- month and the end's month (or the last snapshot month while open). Listing each allocation's months lets
-- snapshots join allocations on the month, a hash join, instead of pairing every snapshot with every allocation
-- started before it (1.5 billion pairs at national scale); the in-force test itself is unchanged.
involvement_months as (
    select involvements.worker_id, involvements.person_id, involvements.team_id, involvements.start_date,
        involvements.end_date,
        cast(unnest(range(
            cast(greatest(cast(date_trunc('month', involvements.start_date) as date), bounds.first_month) as timestamp),
            cast(least(cast(date_trunc('month', coalesce(involvements.end_date, bounds.last_month)) as date),
                bounds.last_month) as timestamp) + interval 1 month,
            interval 1 month)) as date) as open_month
    from involvements
    cross join bounds
),

-- Plain hash aggregates (they spill to disk), not count(distinct) and mode(), whose per-group states live
-- outside DuckDB's memory limit: first the rows per worker, child and team, then per worker.
held_rows as (
    select s.period_type, s.period_label, s.snapshot_date, i.worker_id, i.person_id, i.team_id, count(*) as n
    from snapshots as s
    join involvement_months as i
        on i.open_month = s.snapshot_month
        and reference.in_force(i.start_date, i.end_date, s.snapshot_date)
    group by all
),

held_teams as (
    select period_type, period_label, snapshot_date, worker_id, team_id, sum(n) as n
    from held_rows
    where team_id is not null
    group by all
),

held as (
    select c.period_type, c.period_label, c.snapshot_date, c.worker_id, c.cases, t.team_id
    from (
        select period_type, period_label, snapshot_date, worker_id, count(distinct_person) as cases
        from (
            select distinct period_type, period_label, snapshot_date, worker_id, person_id as distinct_person
            from held_rows
        ) as p
        group by all
    ) as c
    left join (
        -- mode(): the team most of the worker's allocation rows are in (ties: the greatest team id)
        select period_type, period_label, snapshot_date, worker_id, arg_max(team_id, (n, team_id)) as team_id
        from held_teams
        group by all
    ) as t
        on t.period_type = c.period_type and t.period_label = c.period_label and t.worker_id = c.worker_id
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
