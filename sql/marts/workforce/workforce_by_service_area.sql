/*
grain: one row per workforce snapshot (month end, 30 September census) and service area
definition: |
  The children's social work workforce per service area (the team's parent department in the case system,
  'unknown' for a team it does not know): the sum of marts.workforce_by_team's FTE and counts over the
  service's teams, with the same DfE workforce census rates (kpi_definitions.md §1.3, FTE basis) worked out
  from the sums, so a claim such as "a very stable staff group within the children in care service" can be
  checked on the service's own figures:
  - agency_rate_pct = agency FTE / (agency FTE + employed FTE); vacancy_rate_pct = vacancy FTE / (vacancy
    FTE + employed FTE), vacancies counted per team (one team's surplus does not fill another's vacancy);
    turnover_rate_pct = employed FTE leaving in the 12 months to the snapshot / employed FTE in post;
    stability_pct = employed FTE in post on the snapshot and 12 months before / employed FTE in post;
    avg_caseload = children held by case holders with FTE > 0 / their FTE.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  service_area: Service area (parent department), or 'unknown'.
  teams: Teams in the service with a social work post, worker, leaver or case holder.
  employed_fte: Employed social worker FTE in post.
  agency_fte: Agency social worker FTE in post.
  agency_rate_pct: Agency FTE as a % of all social worker FTE in post.
  funded_fte: Funded social work posts (FTE).
  vacancy_fte: Funded FTE not filled by employed social workers (summed per team).
  vacancy_rate_pct: Vacancy FTE as a % of (vacancy FTE + employed FTE).
  leavers_fte: Employed social worker FTE leaving in the 12 months to the snapshot.
  turnover_rate_pct: Leavers FTE as a % of employed FTE in post.
  stable_fte: Employed FTE in post on the snapshot and 12 months before.
  stability_pct: stable_fte as a % of employed FTE in post.
  case_holders: Social workers holding at least one case.
  cases_held: Children held by them.
  avg_caseload: Children held by holders with FTE > 0 / their FTE, 1 dp.
  over_threshold: Social workers holding more than the setting caseload_threshold.
tests:
  unique: [period_type, period_label, service_area]
  not_null: [period_type, period_label, service_area]
*/
with summed as (
    select
        period_type, period_label, snapshot_date, coalesce(service_area, 'unknown') as service_area,
        count(*) as teams,
        sum(employed_fte) as employed_fte,
        sum(agency_fte) as agency_fte,
        sum(funded_fte) as funded_fte,
        sum(vacancy_fte) as vacancy_fte,
        sum(leavers_fte) as leavers_fte,
        sum(stable_fte) as stable_fte,
        sum(case_holders) as case_holders,
        sum(cases_held) as cases_held,
        sum(cases_held_by_fte) as cases_held_by_fte,
        sum(case_holder_fte) as case_holder_fte,
        sum(over_threshold) as over_threshold
    from marts.workforce_by_team
    group by all
)

select
    period_type, period_label, snapshot_date, service_area, teams,
    round(employed_fte, 2) as employed_fte,
    round(agency_fte, 2) as agency_fte,
    reference.pct(agency_fte, agency_fte + employed_fte) as agency_rate_pct,
    round(funded_fte, 2) as funded_fte,
    round(vacancy_fte, 2) as vacancy_fte,
    reference.pct(vacancy_fte, vacancy_fte + employed_fte) as vacancy_rate_pct,
    round(leavers_fte, 2) as leavers_fte,
    reference.pct(leavers_fte, employed_fte) as turnover_rate_pct,
    round(stable_fte, 2) as stable_fte,
    reference.pct(stable_fte, employed_fte) as stability_pct,
    case_holders, cases_held,
    round(cases_held_by_fte / nullif(case_holder_fte, 0), 1) as avg_caseload,
    over_threshold
from summed
order by period_type, period_label, service_area
