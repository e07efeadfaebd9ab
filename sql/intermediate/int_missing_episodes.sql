/*
grain: one row per missing or away-from-placement episode
definition: |
  Missing and away episodes of all children (ssd_missing), with whether the child was looked after when
  the episode started (int_cla_periods_of_care, short breaks excluded; looked after on the start date) and
  the return home interview (RHI) window.
  RHI (local measure; DfE does not publish one): statutory guidance (2014) requires an independent RHI to be
  offered, commonly within 72 hours of return (setting missing_rhi_window_hours; clock hours, so weekends and
  bank holidays count). The SSD records whether an RHI was offered and accepted but not when, so an offer
  recorded is taken to be within time; the window only decides when an episode becomes due: an episode is
  due once its return plus 72 hours is no later than the end of the as-at date. An episode still open is
  not due.
columns:
  missing_episode_id: Missing episode id.
  person_id: The child.
  episode_kind: missing (whereabouts unknown), away (away from placement without authorisation) or unknown.
  started_at: When the child went missing.
  ended_at: When the child was found or returned; null while missing.
  start_date: Date the child went missing.
  return_date: Date the child returned; null while missing.
  is_looked_after: True when the child was looked after on the day the episode started.
  period_of_care_id: That period of care, if looked after.
  rhi_due_by: Return plus the RHI window (72 hours); null while missing.
  is_rhi_due: True when the RHI window has closed by the end of the as-at date.
  rhi_offered: True when an RHI was offered.
  rhi_accepted: True when an RHI was accepted.
tests:
  unique: [missing_episode_id]
  not_null: [missing_episode_id, person_id, started_at, is_looked_after, is_rhi_due]
*/
with missing as (
    select * from staging.stg_case__missing
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

ctx as (
    select as_at_date from reference.run_context
),

with_care as (
    select
        missing.missing_episode_id,
        any_value(care.period_of_care_id) as period_of_care_id
    from missing
    inner join care
        on care.person_id = missing.person_id
        and reference.in_force(care.start_date, care.end_date, cast(missing.started_at as date))
    group by missing.missing_episode_id
)

select
    missing.missing_episode_id,
    missing.person_id,
    missing.episode_kind,
    missing.started_at,
    missing.ended_at,
    cast(missing.started_at as date) as start_date,
    cast(missing.ended_at as date) as return_date,
    with_care.period_of_care_id is not null as is_looked_after,
    with_care.period_of_care_id,
    missing.ended_at + to_hours(reference.setting_int('missing_rhi_window_hours')) as rhi_due_by,
    coalesce(missing.ended_at + to_hours(reference.setting_int('missing_rhi_window_hours'))
        <= cast(ctx.as_at_date + 1 as timestamp), false) as is_rhi_due,
    missing.rhi_offered,
    missing.rhi_accepted
from missing
left join with_care using (missing_episode_id)
cross join ctx
