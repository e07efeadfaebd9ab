/*
grain: one row per workforce snapshot (month end, 30 September census), team (and 'all' for the service) and caseload band
definition: |
  The distribution of caseloads: how many case-holding social workers (registered with Social Work England,
  employed or agency, as in the DfE average caseload) hold 1-5, 6-10, 11-15, 16-20, 21-25 or 26+ children
  on each snapshot, per team and for the whole service (team_id 'all'), from marts.worker_caseloads. Every
  band appears for every team that has a case holder on the snapshot, with 0 where no one is in it, so the
  bands of a team add up to its case holders (marts.workforce_by_team.case_holders). over_threshold_workers
  counts those in the band above the setting caseload_threshold.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  team_id: Team (case system id), or 'all' for the service.
  team_name: Team name ('All teams' for the service).
  service_area: The team's parent department.
  caseload_band: 1-5, 6-10, 11-15, 16-20, 21-25 or 26+.
  band_order: 1 to 6, for sorting.
  workers: Case-holding social workers in the band.
  cases: Children they hold.
  pct_of_case_holders: workers as a % of the team's case-holding social workers.
  over_threshold_workers: Of the band's workers, those above the setting caseload_threshold.
tests:
  unique: [period_type, period_label, team_id, caseload_band]
  not_null: [period_type, period_label, team_id, caseload_band, workers, cases]
*/
with holders as (
    select * from marts.worker_caseloads where is_social_worker
),

bands as (
    select * from (values ('1-5', 1), ('6-10', 2), ('11-15', 3), ('16-20', 4), ('21-25', 5), ('26+', 6)) as b(caseload_band, band_order)
),

teams as (
    select distinct period_type, period_label, snapshot_date, coalesce(team_id, 'unknown') as team_id, team_name, service_area
    from holders
    union all
    select distinct period_type, period_label, snapshot_date, 'all', 'All teams', null
    from holders
),

tagged as (
    select period_type, period_label, coalesce(team_id, 'unknown') as team_id, caseload_band, cases, is_over_threshold from holders
    union all
    select period_type, period_label, 'all', caseload_band, cases, is_over_threshold from holders
),

counted as (
    select period_type, period_label, team_id, caseload_band,
        count(*) as workers, sum(cases) as cases, count(*) filter (where is_over_threshold) as over_threshold_workers
    from tagged
    group by all
)

select
    t.period_type, t.period_label, t.snapshot_date, t.team_id, t.team_name, t.service_area,
    b.caseload_band, b.band_order,
    coalesce(c.workers, 0) as workers,
    coalesce(c.cases, 0) as cases,
    reference.share_pct(coalesce(c.workers, 0), sum(coalesce(c.workers, 0)) over (partition by t.period_type, t.period_label, t.team_id)) as pct_of_case_holders,
    coalesce(c.over_threshold_workers, 0) as over_threshold_workers
from teams as t
cross join bands as b
left join counted as c using (period_type, period_label, team_id, caseload_band)
order by t.period_type, t.period_label, t.team_id, b.band_order
