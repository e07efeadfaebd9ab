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

snapshot_dates as (
    select distinct snapshot_date from snapshots
),

-- An allocation that ends on or before it starts is never in force (reference.in_force): left out here.
involvements as (
    select worker_id, person_id, team_id, start_date, coalesce(end_date, date 'infinity') as until_date
    from staging.stg_case__involvements
    where worker_id is not null and start_date is not null
      and (involvement_role is null or lower(involvement_role) like '%allocated%')
      and coalesce(end_date, date 'infinity') > start_date
),

-- Counted by steps, not by pairing snapshots with allocations: an allocation is in force on D when
-- start_date <= D < end_date (reference.in_force), so each one adds 1 from its start and takes it away from its
-- end, and a count on D is the running total of the changes dated on or before D. At national scale (12 M
-- children) pairing every snapshot with every allocation started before it (~1.5 billion pairs) into
-- count(distinct) and mode() held ~10 GB outside DuckDB's memory limit (the process grew from 9 to 19 GB while
-- it ran alone), and listing allocations by month (hundreds of millions of rows) filled 45 GB of disk with
-- spill; the steps are a few per allocation, and every state here is one DuckDB can spill.
--
-- Rows: every allocation in force, so a worker holding only allocations without a child is listed (0 cases).
row_steps as (
    select worker_id, step_date, sum(sum(change)) over (partition by worker_id order by step_date) as rows_in_force
    from (
        select worker_id, start_date as step_date, 1 as change from involvements
        union all
        select worker_id, until_date, -1 from involvements where until_date < date 'infinity'
    ) as changes
    group by worker_id, step_date
),

-- Children: a child counts once per worker, so each worker's allocations of one child are first merged into
-- islands of overlapping or touching spans (a child held without a break is one island).
spans as (
    select worker_id, person_id, start_date, until_date,
        max(until_date) over (partition by worker_id, person_id order by start_date, until_date
            rows between unbounded preceding and 1 preceding) as held_until_before
    from involvements
    where person_id is not null
),

islands as (
    select worker_id, person_id, island, min(start_date) as start_date, max(until_date) as until_date
    from (
        select *, sum(case when held_until_before is null or start_date > held_until_before then 1 else 0 end)
            over (partition by worker_id, person_id order by start_date, until_date rows unbounded preceding) as island
        from spans
    ) as numbered
    group by worker_id, person_id, island
),

case_steps as (
    select worker_id, step_date, sum(sum(change)) over (partition by worker_id order by step_date) as cases
    from (
        select worker_id, start_date as step_date, 1 as change from islands
        union all
        select worker_id, until_date, -1 from islands where until_date < date 'infinity'
    ) as changes
    group by worker_id, step_date
),

-- Team: mode() over the allocations in force, i.e. the team with most of them (ties: the greatest team id).
team_steps as (
    select worker_id, team_id, step_date,
        sum(sum(change)) over (partition by worker_id, team_id order by step_date) as in_force
    from (
        select worker_id, team_id, start_date as step_date, 1 as change from involvements where team_id is not null
        union all
        select worker_id, team_id, until_date, -1 from involvements
        where team_id is not null and until_date < date 'infinity'
    ) as changes
    group by worker_id, team_id, step_date
),

-- Each worker on every snapshot date from their first allocation on, the count as at the latest step on or
-- before the date (ASOF join).
worker_dates as (
    select w.worker_id, d.snapshot_date
    from (select worker_id, min(step_date) as first_step from row_steps group by worker_id) as w
    inner join snapshot_dates as d on d.snapshot_date >= w.first_step
),

held_dates as (
    select worker_dates.worker_id, worker_dates.snapshot_date
    from worker_dates
    asof inner join row_steps
        on row_steps.worker_id = worker_dates.worker_id and row_steps.step_date <= worker_dates.snapshot_date
    where row_steps.rows_in_force > 0
),

held_cases as (
    select held_dates.worker_id, held_dates.snapshot_date, coalesce(case_steps.cases, 0) as cases
    from held_dates
    asof left join case_steps
        on case_steps.worker_id = held_dates.worker_id and case_steps.step_date <= held_dates.snapshot_date
),

team_dates as (
    select held_dates.worker_id, held_dates.snapshot_date, teams.team_id
    from held_dates
    inner join (select distinct worker_id, team_id from team_steps) as teams using (worker_id)
),

held_teams as (
    select worker_id, snapshot_date, max(team_id) as team_id
    from (
        select team_dates.worker_id, team_dates.snapshot_date, team_dates.team_id, team_steps.in_force,
            max(team_steps.in_force) over (partition by team_dates.worker_id, team_dates.snapshot_date) as most
        from team_dates
        asof inner join team_steps
            on team_steps.worker_id = team_dates.worker_id and team_steps.team_id = team_dates.team_id
            and team_steps.step_date <= team_dates.snapshot_date
        where team_steps.in_force > 0
    ) as counted
    where in_force = most
    group by worker_id, snapshot_date
),

held as (
    select s.period_type, s.period_label, s.snapshot_date, c.worker_id, c.cases, t.team_id
    from snapshots as s
    inner join held_cases as c on c.snapshot_date = s.snapshot_date
    left join held_teams as t on t.worker_id = c.worker_id and t.snapshot_date = c.snapshot_date
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
