/*
grain: one row per early help episode
definition: |
  Early help episodes (SSD ssd_early_help_episodes): the early help assessment and support a child
  received outside statutory social care, with the organisation that led it. Read by Annex A List 2.
columns:
  early_help_episode_id: Episode id (earl_episode_id).
  person_id: The child (earl_person_id).
  start_date: Date the episode (its early help assessment) started (earl_episode_start_date).
  end_date: Date the episode ended (earl_episode_end_date); null while open.
  reason: Reason for the episode as recorded (earl_episode_reason).
  end_reason: Reason the episode ended as recorded (earl_episode_end_reason).
  organisation: Organisation or team that led the episode (earl_episode_organisation).
  worker_id: Lead worker (earl_episode_worker_id).
tests:
  unique: [early_help_episode_id]
  not_null: [early_help_episode_id, person_id]
*/
select
    earl_episode_id as early_help_episode_id,
    earl_person_id as person_id,
    earl_episode_start_date as start_date,
    earl_episode_end_date as end_date,
    earl_episode_reason as reason,
    earl_episode_end_reason as end_reason,
    earl_episode_organisation as organisation,
    earl_episode_worker_id as worker_id
from lake.case__ssd_early_help_episodes
