/*
grain: one row per early help episode open at some time in the Annex A window
definition: |
  Annex A List 2 (early help). Who is on it: every early help episode (its assessment) that was open at
  some time in the window: started on or before the as-at date and not ended before window_start (an
  episode ending on window_start is included). One row per episode. An end date after the as-at date is
  not shown (the episode was open then). Source: staging.stg_case__early_help_episodes; the SSD records
  the episode, not a separate assessment, so the episode's start and end stand for the assessment's start
  and completion.
columns:
  early_help_episode_id: Episode id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  assessment_start_date: Episode start date.
  assessment_completion_date: Episode end date, if on or before the as-at date.
  organisation: Organisation completing the assessment.
tests:
  unique: [early_help_episode_id]
  not_null: [child_id, assessment_start_date]
*/
with window_ as (
    select * from marts.annex_a_window
),

episodes as (
    select episodes.*, window_.as_at_date
    from staging.stg_case__early_help_episodes as episodes
    cross join window_
    where episodes.start_date <= window_.as_at_date
      and (episodes.end_date is null or episodes.end_date >= window_.window_start)
),

children as (
    select * from marts.annex_a_children
)

select
    episodes.early_help_episode_id,
    episodes.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    episodes.start_date as assessment_start_date,
    case when episodes.end_date <= episodes.as_at_date then episodes.end_date end as assessment_completion_date,
    episodes.organisation
from episodes
left join children on children.child_id = episodes.person_id
order by episodes.start_date, episodes.early_help_episode_id
