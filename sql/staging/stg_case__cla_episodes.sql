/*
grain: one row per SSDA903 episode of care (ssd_cla_episodes)
definition: |
  Episodes of being looked after. As in the SSDA903, a new episode starts whenever the legal status or
  the placement changes; the reason for new episode (S, L, P, T, U, B) says which. A run of episodes with
  no gap between them is one period of care (intermediate.int_cla_periods_of_care). The episode runs from
  its start date up to its ceased date; a child is looked after on the ceased date only if another
  episode starts that day.
columns:
  episode_id: Episode id (clae_cla_episode_id).
  person_id: The child (clae_person_id).
  cla_id: Id of the period of care the case system groups the episode under (clae_cla_id).
  start_date: Date the episode commenced (clae_cla_episode_start_date).
  start_reason_code: Reason for new episode, SSDA903 RNE code (clae_cla_episode_start_reason).
  primary_need_code: CIN primary need code N1-N9 (clae_cla_primary_need_code).
  ceased_date: Date the episode ceased (clae_cla_episode_ceased_date); null while open.
  ceased_reason_code: Reason episode ceased, SSDA903 REC code (clae_cla_episode_ceased_reason); X1 = episode ceased but the child stays looked after.
  referral_id: Referral the care episode belongs to (clae_referral_id).
  placement_id: Placement in force during the episode (clae_cla_placement_id).
  entered_care_date: Date the child entered care, as the case system records it (clae_entered_care_date).
  last_iro_contact_date: Date of the IRO's last visit or contact with the child (clae_cla_last_iro_contact_date).
tests:
  unique: [episode_id]
  not_null: [episode_id, person_id, start_date]
*/
select
    clae_cla_episode_id as episode_id,
    clae_person_id as person_id,
    clae_cla_id as cla_id,
    clae_cla_episode_start_date as start_date,
    nullif(upper(trim(clae_cla_episode_start_reason)), '') as start_reason_code,
    nullif(trim(clae_cla_primary_need_code), '') as primary_need_code,
    clae_cla_episode_ceased_date as ceased_date,
    nullif(upper(trim(clae_cla_episode_ceased_reason)), '') as ceased_reason_code,
    clae_referral_id as referral_id,
    clae_cla_placement_id as placement_id,
    clae_entered_care_date as entered_care_date,
    clae_cla_last_iro_contact_date as last_iro_contact_date
from lake.case__ssd_cla_episodes
