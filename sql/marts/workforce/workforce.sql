/*
grain: "one row per workforce snapshot: each month end (period_type month) and each 30 September (census_30sep)"
definition: |
  The children's social work workforce for the whole service, DfE children's social work workforce
  census definitions (kpi_definitions.md §1.3, FTE basis), the sum of marts.workforce_by_team:
  - sw_fte: employed (non-agency) social workers registered with Social Work England in post on the
    snapshot date (DfE: "children and family social workers", FTE).
  - agency_rate_pct = agency FTE / (agency FTE + employed FTE) on the snapshot date.
  - vacancy_rate_pct = vacancy FTE / (vacancy FTE + employed FTE); vacancies = funded social work posts
    (HR establishment) not filled by employed social workers, per team (a team cannot offset another's).
  - turnover_rate_pct = employed social worker FTE leaving in the 12 months to the snapshot / employed
    FTE in post on it (a worker leaving on the snapshot date is both). For a month this is a rolling 12 months.
  - avg_caseload = cases held by social workers (incl. agency) on the snapshot date / FTE of those holding
    at least one case with FTE > 0 (DfE method since 2017; case system involvements).
  - Reconciliation on every snapshot: HR says who is employed, the case system who holds cases; the
    workers found in one and not the other are counted here (case_holders_not_in_hr,
    hr_case_holders_without_cases) and listed by marts.worker_caseloads and, for the as-at date,
    marts.worker_reconciliation.
  - sickness_absence_rate_pct = working days lost to sickness in the 12 months to the snapshot by the
    employed social workers in post on it / (their FTE x 253, setting sickness_working_days_per_fte_year),
    for every snapshot, from HR's absences (intermediate.int_workers_sickness_at_snapshot: working days
    off x FTE). Only when HR sends no absences at all does it fall back to the workers table's
    sickness_days_12m, which covers the 12 months to the HR extract date and so gives the rate for the
    snapshot on that date only (null otherwise). HR keeps absences, like leavers, from a year before the
    first reported month (schemas/hr/sickness_absence.yml), so the earliest snapshots are not understated.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 for a month, 2024-09-30 for a census.
  period_start: First day of the period (census - 1 October the year before).
  period_end: Last day of the period.
  snapshot_date: The date stocks are counted on.
  is_complete: False for the month holding the as-at date.
  sw_headcount: Employed social workers in post (people).
  sw_fte: Employed social worker FTE in post.
  agency_fte: Agency social worker FTE in post.
  agency_rate_pct: Agency FTE as a % of all social worker FTE.
  funded_fte: Funded social work posts (FTE).
  vacancy_fte: Vacant FTE (funded, not filled by employed social workers).
  vacancy_rate_pct: Vacancy FTE as a % of vacancy FTE + employed FTE.
  leavers_fte: Employed social worker FTE leaving in the 12 months to the snapshot.
  turnover_rate_pct: leavers_fte as a % of sw_fte.
  stability_pct: Employed FTE also in post 12 months before, as a % of sw_fte.
  case_holders: Social workers holding at least one case.
  cases_held: Children held by them.
  case_holder_fte: FTE of case-holding social workers (FTE > 0).
  cases_held_fte_basis: Children held by the case holders with FTE > 0 (the average caseload's numerator).
  avg_caseload: cases_held_fte_basis / case_holder_fte, 1 dp.
  over_threshold: Social workers holding more than the setting caseload_threshold.
  case_holders_not_in_hr: Social workers holding cases on the snapshot whom HR does not have in post (counted in the caseload with the case system's FTE; listed in marts.worker_caseloads, in_hr_in_post false).
  hr_case_holders_without_cases: Registered social workers HR has in post in a case-holding post who hold no case in the case system on the snapshot.
  sickness_days_lost: FTE working days lost to sickness in the 12 months to the snapshot (employed social workers in post on it).
  sickness_absence_rate_pct: sickness_days_lost / (sw_fte x 253) as a %.
tests:
  unique: [period_type, period_label]
  not_null: [period_type, period_label, snapshot_date, sw_fte]
*/
with snapshots as (
    select * from intermediate.int_workers_snapshot_dates
),

teams as (
    select period_type, period_label,
        sum(employed_fte) as sw_fte,
        sum(agency_fte) as agency_fte,
        sum(funded_fte) as funded_fte,
        sum(vacancy_fte) as vacancy_fte,
        sum(leavers_fte) as leavers_fte,
        sum(case_holders) as case_holders,
        sum(cases_held) as cases_held,
        sum(case_holder_fte) as case_holder_fte,
        sum(over_threshold) as over_threshold
    from marts.workforce_by_team
    group by all
),

caseloads as (
    select period_type, period_label,
        sum(cases) filter (where fte > 0) as cases_by_fte,
        count(*) filter (where not in_hr_in_post) as case_holders_not_in_hr
    from intermediate.int_caseloads_at_snapshot
    where is_social_worker
    group by all
),

idle_case_holders as (
    select w.period_type, w.period_label, count(*) as hr_case_holders_without_cases
    from intermediate.int_workers_at_snapshot as w
    where w.is_registered_social_worker and w.is_case_holding
      and not exists (select 1 from intermediate.int_caseloads_at_snapshot as c
                      where c.period_type = w.period_type and c.period_label = w.period_label and c.worker_id = w.worker_id)
    group by all
),

people as (
    select period_type, period_label,
        count(*) filter (where not is_agency) as sw_headcount,
        sum(fte) filter (where not is_agency and in_post_12m_earlier) as stable_fte,
        sum(sickness_days_12m) filter (where not is_agency) as sickness_days
    from intermediate.int_workers_at_snapshot
    where is_registered_social_worker
    group by all
),

hr_extract as (
    select
        (select max(extract_date) from ops.extract_snapshot where source = 'hr' and table_name = 'workers') as hr_date,
        exists (select 1 from staging.stg_hr__sickness_absence) as has_absences
),

sickness as (
    select period_type, period_label, sum(fte_days_lost) as fte_days_lost
    from intermediate.int_workers_sickness_at_snapshot
    group by all
),

joined as (
    select
        s.period_type, s.period_label, s.period_start, s.period_end, s.snapshot_date, s.is_complete,
        coalesce(p.sw_headcount, 0) as sw_headcount,
        round(coalesce(t.sw_fte, 0), 2) as sw_fte,
        round(coalesce(t.agency_fte, 0), 2) as agency_fte,
        round(coalesce(t.funded_fte, 0), 2) as funded_fte,
        round(coalesce(t.vacancy_fte, 0), 2) as vacancy_fte,
        round(coalesce(t.leavers_fte, 0), 2) as leavers_fte,
        coalesce(p.stable_fte, 0) as stable_fte,
        coalesce(t.case_holders, 0) as case_holders,
        coalesce(t.cases_held, 0) as cases_held,
        round(coalesce(t.case_holder_fte, 0), 2) as case_holder_fte,
        coalesce(c.cases_by_fte, 0) as cases_held_fte_basis,
        coalesce(t.over_threshold, 0) as over_threshold,
        coalesce(c.case_holders_not_in_hr, 0) as case_holders_not_in_hr,
        coalesce(ic.hr_case_holders_without_cases, 0) as hr_case_holders_without_cases,
        case
            when h.has_absences then round(coalesce(sk.fte_days_lost, 0), 2)
            when s.snapshot_date = h.hr_date then p.sickness_days
        end as sickness_days_lost
    from snapshots as s
    cross join hr_extract as h
    left join teams as t using (period_type, period_label)
    left join people as p using (period_type, period_label)
    left join caseloads as c using (period_type, period_label)
    left join sickness as sk using (period_type, period_label)
    left join idle_case_holders as ic using (period_type, period_label)
)

select
    period_type, period_label, period_start, period_end, snapshot_date, is_complete,
    sw_headcount, sw_fte, agency_fte,
    reference.pct(agency_fte, agency_fte + sw_fte) as agency_rate_pct,
    funded_fte, vacancy_fte,
    reference.pct(vacancy_fte, vacancy_fte + sw_fte) as vacancy_rate_pct,
    leavers_fte,
    reference.pct(leavers_fte, sw_fte) as turnover_rate_pct,
    reference.pct(stable_fte, sw_fte) as stability_pct,
    case_holders, cases_held, case_holder_fte, cases_held_fte_basis,
    round(cases_held_fte_basis / nullif(case_holder_fte, 0), 1) as avg_caseload,
    over_threshold,
    case_holders_not_in_hr, hr_case_holders_without_cases,
    sickness_days_lost,
    reference.pct(sickness_days_lost, sw_fte * reference.setting_int('sickness_working_days_per_fte_year')) as sickness_absence_rate_pct
from joined
order by period_type, snapshot_date
