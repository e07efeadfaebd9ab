/*
grain: one row per SSDA903 episode of care
definition: |
  Each episode with the legal status in force on its start date (ssd_legal_status; in the SSDA903 a
  legal status change starts a new episode, so one status covers the episode) and its placement type.
  is_short_break marks episodes under an agreed series of short-term breaks (legal status in setting
  cla_short_break_legal_statuses, V3/V4): DfE excludes these from every CLA statistic, so every model
  downstream reads only episodes where is_short_break is false. An episode whose legal status is not
  recorded is kept (legal_status_code null), not guessed to be a short break.
columns:
  episode_id: Episode id.
  person_id: The child.
  cla_id: Case-system period-of-care id.
  start_date: Episode start date.
  ceased_date: Episode ceased date; null while open.
  start_reason_code: SSDA903 reason for new episode (S, L, P, T, U, B).
  ceased_reason_code: SSDA903 reason episode ceased.
  legal_status_code: Legal status in force on the episode start date.
  placement_id: Placement during the episode.
  placement_type_code: SSDA903 placement type of that placement.
  is_short_break: True when the legal status is an agreed series of short-term breaks.
tests:
  unique: [episode_id]
  not_null: [episode_id, person_id, start_date, is_short_break]
*/
with episodes as (
    select * from staging.stg_case__cla_episodes
),

legal as (
    select * from staging.stg_case__legal_status
),

placements as (
    select placement_id, placement_type_code from staging.stg_case__cla_placement
),

legal_at_start as (
    select
        episodes.episode_id,
        arg_max(legal.legal_status_code, legal.start_date) as legal_status_code
    from episodes
    inner join legal
        on legal.person_id = episodes.person_id
        and reference.in_force(legal.start_date, legal.end_date, episodes.start_date)
    group by episodes.episode_id
)

select
    episodes.episode_id,
    episodes.person_id,
    episodes.cla_id,
    episodes.start_date,
    episodes.ceased_date,
    episodes.start_reason_code,
    episodes.ceased_reason_code,
    legal_at_start.legal_status_code,
    episodes.placement_id,
    placements.placement_type_code,
    coalesce(list_contains(string_split(reference.setting('cla_short_break_legal_statuses'), ','),
        legal_at_start.legal_status_code), false) as is_short_break
from episodes
left join legal_at_start using (episode_id)
left join placements using (placement_id)
