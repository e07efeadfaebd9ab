/*
grain: one row per workforce snapshot (month end, 30 September census) and team
definition: |
  The children's social work workforce per team, DfE workforce census definitions (FTE basis) applied
  at every month end and at each 30 September:
  - Social workers: registered with Social Work England (HR). Employed = not agency.
  - employed_fte / agency_fte: FTE in post on the snapshot date (intermediate.int_workers_at_snapshot).
    agency_rate_pct = agency FTE / (agency FTE + employed FTE).
  - funded_fte: the establishment (staging.stg_hr__establishment) in force on the snapshot date - per team
    and role the row with the latest effective_from on or before it - for social work posts (setting
    social_work_roles). vacancy_fte = funded FTE - employed FTE (not below 0): a post covered by a locum
    is still vacant (DfE). vacancy_rate_pct = vacancy FTE / (vacancy FTE + employed FTE).
  - leavers_fte: employed social workers whose spell ended in the 12 months to the snapshot date
    (snapshot - 1 year, snapshot], leaving children's social care: internal moves are not leavers.
    turnover_rate_pct = leavers FTE / employed FTE in post on the snapshot date.
  - stability_pct: employed social worker FTE in post on the snapshot date who were also in post 12
    months before / employed FTE in post: how settled the team is.
  - Caseloads from the case system (intermediate.int_caseloads_at_snapshot): social workers holding at
    least one case, the children they hold, avg_caseload = cases / FTE of those holders with FTE > 0.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  team_id: Team (case system team id).
  team_name: Team name.
  service_area: The team's parent department.
  employed_fte: Employed social worker FTE in post.
  agency_fte: Agency social worker FTE in post.
  agency_rate_pct: Agency FTE as a % of all social worker FTE in post.
  funded_fte: Funded social work posts (FTE).
  vacancy_fte: Funded FTE not filled by employed social workers.
  vacancy_rate_pct: Vacancy FTE as a % of (vacancy FTE + employed FTE).
  leavers_fte: Employed social worker FTE leaving in the 12 months to the snapshot.
  turnover_rate_pct: Leavers FTE as a % of employed FTE in post.
  stable_fte: Employed social worker FTE in post on the snapshot who were also in post 12 months before.
  stability_pct: Employed FTE in post 12 months earlier too, as a % of employed FTE in post.
  case_holders: Social workers holding at least one case.
  cases_held: Children held by them.
  case_holder_fte: FTE of those holders (FTE > 0).
  cases_held_by_fte: Children held by the holders with FTE > 0 (the average caseload's numerator).
  avg_caseload: cases_held_by_fte / case_holder_fte, 1 dp.
  max_caseload: Largest caseload held by one social worker.
  over_threshold: Social workers holding more than the setting caseload_threshold.
tests:
  unique: [period_type, period_label, team_id]
  not_null: [period_type, period_label, team_id]
*/
with snapshots as (
    select * from intermediate.int_workers_snapshot_dates
),

in_post as (
    select * from intermediate.int_workers_at_snapshot where is_registered_social_worker
),

workers as (
    select * from staging.stg_hr__workers
),

-- Per snapshot, team and role, the establishment row in force (the latest effective_from on or before the snapshot;
-- staging keeps team, role and effective_from unique) by an ASOF join from every (snapshot, team, role), not a
-- window over every row in force at every snapshot: 19 M rows at national scale, which took the process 2 GB past
-- DuckDB's 4 GB limit.
establishment_keys as (
    select distinct team_id, role
    from staging.stg_hr__establishment
    where list_contains(string_split(reference.setting('social_work_roles'), ';'), role)
),

establishment as (
    select e.*, s.period_type, s.period_label
    from snapshots as s
    cross join establishment_keys as k
    asof join staging.stg_hr__establishment as e
        on e.team_id = k.team_id and e.role = k.role and e.effective_from <= s.snapshot_date
),

staff as (
    select period_type, period_label, team_id,
        sum(fte) filter (where not is_agency) as employed_fte,
        sum(fte) filter (where is_agency) as agency_fte,
        sum(fte) filter (where not is_agency and in_post_12m_earlier) as stable_fte
    from in_post
    group by all
),

funded as (
    select period_type, period_label, team_id, sum(funded_fte) as funded_fte
    from establishment
    group by all
),

leavers as (
    select s.period_type, s.period_label, w.team_id, sum(w.fte) as leavers_fte
    from snapshots as s
    join workers as w
        on w.leave_date > s.snapshot_date - interval 1 year and w.leave_date <= s.snapshot_date
    where w.is_registered_social_worker and not coalesce(w.is_agency, false)
      and coalesce(w.leave_reason, '') <> 'internal_move'
    group by all
),

caseloads as (
    select period_type, period_label, team_id,
        count(*) as case_holders,
        sum(cases) as cases_held,
        sum(fte) filter (where fte > 0) as case_holder_fte,
        sum(cases) filter (where fte > 0) as cases_held_by_fte,
        max(cases) as max_caseload,
        count(*) filter (where is_over_threshold) as over_threshold
    from intermediate.int_caseloads_at_snapshot
    where is_social_worker
    group by all
),

teams as (
    select period_type, period_label, team_id from staff
    union select period_type, period_label, team_id from funded
    union select period_type, period_label, team_id from leavers
    union select period_type, period_label, team_id from caseloads
),

joined as (
    select
        t.period_type, t.period_label, s.snapshot_date, t.team_id,
        d.team_name, d.parent_team_name as service_area,
        round(coalesce(st.employed_fte, 0), 2) as employed_fte,
        round(coalesce(st.agency_fte, 0), 2) as agency_fte,
        round(coalesce(st.stable_fte, 0), 2) as stable_fte,
        round(coalesce(f.funded_fte, 0), 2) as funded_fte,
        round(coalesce(l.leavers_fte, 0), 2) as leavers_fte,
        coalesce(c.case_holders, 0) as case_holders,
        coalesce(c.cases_held, 0) as cases_held,
        round(coalesce(c.case_holder_fte, 0), 2) as case_holder_fte,
        c.cases_held_by_fte,
        c.max_caseload,
        coalesce(c.over_threshold, 0) as over_threshold
    from teams as t
    join snapshots as s using (period_type, period_label)
    left join staff as st using (period_type, period_label, team_id)
    left join funded as f using (period_type, period_label, team_id)
    left join leavers as l using (period_type, period_label, team_id)
    left join caseloads as c using (period_type, period_label, team_id)
    left join staging.stg_case__department as d on d.team_id = t.team_id
)

select
    period_type, period_label, snapshot_date, team_id, team_name, service_area,
    employed_fte, agency_fte,
    reference.pct(agency_fte, agency_fte + employed_fte) as agency_rate_pct,
    funded_fte,
    greatest(funded_fte - employed_fte, 0) as vacancy_fte,
    reference.pct(greatest(funded_fte - employed_fte, 0), greatest(funded_fte - employed_fte, 0) + employed_fte) as vacancy_rate_pct,
    leavers_fte,
    reference.pct(leavers_fte, employed_fte) as turnover_rate_pct,
    stable_fte,
    reference.pct(stable_fte, employed_fte) as stability_pct,
    case_holders, cases_held, case_holder_fte, cases_held_by_fte,
    round(cases_held_by_fte / nullif(case_holder_fte, 0), 1) as avg_caseload,
    max_caseload, over_threshold
from joined
order by period_type, period_label, team_id
