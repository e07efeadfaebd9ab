/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Missing from care and away from placement (DfE SSDA903 missing module; kpi_definitions.md 1.2), and
  return home interviews (local). Child-level list: intermediate.int_missing_episodes.
  - Missing in the period (%): children looked after at some time in the period (intermediate.int_cla_in_period,
    short breaks excluded) with at least one missing episode (whereabouts unknown) that started while they
    were looked after and was open at some time in the period (so incidents open on 1 April count) /
    children looked after at some time in the period. Away without authorisation (%): the same for away
    episodes (whereabouts known). Many authorities record everything as missing.
  - Episodes: missing and away episodes starting in the period, of all children and of looked-after children.
  - RHI offered / accepted (%): episodes (all children) whose child returned in the period and whose
    72-hour window (setting missing_rhi_window_hours) had closed by the as-at date, with an RHI offered /
    accepted. The SSD has no RHI date, so "within 72 hours" cannot be checked: an offer recorded counts.
  - Missing at the snapshot date: children whose missing or away episode was open at the end of the
    snapshot day (all children, and looked-after children).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  cla_in_period: Children looked after at some time in the period.
  cla_missing: Of those, with a missing episode in the period while looked after.
  cla_missing_pct: cla_missing as a % of cla_in_period.
  cla_away: Of those, with an away-without-authorisation episode in the period while looked after.
  cla_away_pct: cla_away as a % of cla_in_period.
  episodes_started: Missing and away episodes starting in the period (all children).
  cla_episodes_started: Of those, starting while the child was looked after.
  children_with_episode: Children (all) with a missing or away episode starting in the period.
  returns_due: Episodes ended in the period whose RHI window had closed by the as-at date.
  rhi_offered: Of those, with an RHI offered.
  rhi_offered_pct: rhi_offered as a % of returns_due.
  rhi_accepted: Of those, with an RHI accepted.
  rhi_accepted_pct: rhi_accepted as a % of returns_due.
  missing_at_snapshot: Children missing or away at the end of the snapshot date (all children).
  cla_missing_at_snapshot: Of those, looked after when the episode started.
tests:
  unique: [period_type, period_label]
  not_null: [cla_in_period, cla_missing, episodes_started, returns_due]
*/
with periods as (
    select
        reporting_periods.*,
        reporting_periods.snapshot_date,
        cast(reporting_periods.snapshot_date + 1 as timestamp) as snapshot_end
    from reference.reporting_periods
),

episodes as (
    select * from intermediate.int_missing_episodes
),

-- An episode still open (no ended_at) runs on: coalesce(ended_at, infinity) rather than "is null or" keeps every
-- join condition a comparison between the two sides, so DuckDB hash-joins on person_id (cla_flags) or merge-joins
-- on the dates (open_at_end) instead of looping over every pair of rows.
cla_flags as (
    select
        f.period_type,
        f.period_label,
        f.person_id,
        coalesce(bool_or(e.episode_kind = 'missing'), false) as had_missing,
        coalesce(bool_or(e.episode_kind = 'away'), false) as had_away
    from intermediate.int_cla_in_period as f
    inner join periods using (period_type, period_label)
    left join episodes as e
        on e.person_id = f.person_id
        and e.is_looked_after
        and e.started_at < periods.snapshot_end
        and coalesce(e.ended_at, timestamp 'infinity') >= cast(periods.period_start as timestamp)
    group by all
),

cla_children as (
    select
        periods.period_type,
        periods.period_label,
        count(f.person_id) as cla_in_period,
        count(f.person_id) filter (where f.had_missing) as cla_missing,
        count(f.person_id) filter (where f.had_away) as cla_away
    from periods
    left join cla_flags as f using (period_type, period_label)
    group by all
),

started as (
    select
        periods.period_type,
        periods.period_label,
        count(e.missing_episode_id) as episodes_started,
        count(e.missing_episode_id) filter (where e.is_looked_after) as cla_episodes_started,
        count(distinct e.person_id) as children_with_episode
    from periods
    left join episodes as e on e.start_date between periods.period_start and periods.snapshot_date
    group by all
),

returns as (
    select
        periods.period_type,
        periods.period_label,
        count(e.missing_episode_id) as returns_due,
        count(e.missing_episode_id) filter (where e.rhi_offered) as rhi_offered,
        count(e.missing_episode_id) filter (where e.rhi_accepted) as rhi_accepted
    from periods
    left join episodes as e
        on e.return_date between periods.period_start and periods.snapshot_date and e.is_rhi_due
    group by all
),

open_at_end as (
    select
        periods.period_type,
        periods.period_label,
        count(distinct e.person_id) as missing_at_snapshot,
        count(distinct e.person_id) filter (where e.is_looked_after) as cla_missing_at_snapshot
    from periods
    left join episodes as e
        on e.started_at < periods.snapshot_end and coalesce(e.ended_at, timestamp 'infinity') >= periods.snapshot_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    c.cla_in_period,
    c.cla_missing,
    reference.pct(c.cla_missing, c.cla_in_period) as cla_missing_pct,
    c.cla_away,
    reference.pct(c.cla_away, c.cla_in_period) as cla_away_pct,
    s.episodes_started,
    s.cla_episodes_started,
    s.children_with_episode,
    r.returns_due,
    r.rhi_offered,
    reference.pct(r.rhi_offered, r.returns_due) as rhi_offered_pct,
    r.rhi_accepted,
    reference.pct(r.rhi_accepted, r.returns_due) as rhi_accepted_pct,
    o.missing_at_snapshot,
    o.cla_missing_at_snapshot
from periods
inner join cla_children as c using (period_type, period_label)
inner join started as s using (period_type, period_label)
inner join returns as r using (period_type, period_label)
inner join open_at_end as o using (period_type, period_label)
order by periods.period_type, periods.period_start
