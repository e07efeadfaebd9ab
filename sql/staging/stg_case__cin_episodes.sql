/*
grain: one row per referral, that is per child in need episode (ssd_cin_episodes)
definition: |
  Referrals to children's social care. In the SSD each CIN episode starts with the referral that opened it,
  so a referral is a row of ssd_cin_episodes and its referral date is the episode start.
columns:
  referral_id: Referral / CIN episode id (cine_referral_id).
  person_id: The child (cine_person_id).
  referral_date: Date the referral was received (cine_referral_date).
  referral_source_code: Source of referral, CIN census code (cine_referral_source_code).
  primary_need_code: Primary need at assessment, N1-N9 (cine_cin_primary_need_code).
  is_nfa: True when the referral resulted in no further action (cine_referral_nfa); null when not recorded.
  close_reason_code: CIN closure reason, RC1-RC9 (cine_close_reason).
  close_date: Date the episode closed (cine_close_date); null while open.
  team_id: Team that took the referral (cine_referral_team).
  worker_id: Worker who took the referral (cine_referral_worker_id).
tests:
  unique: [referral_id]
  not_null: [referral_id, person_id, referral_date]
*/
select
    cine_referral_id as referral_id,
    cine_person_id as person_id,
    cine_referral_date as referral_date,
    cine_referral_source_code as referral_source_code,
    cine_cin_primary_need_code as primary_need_code,
    reference.yes_no(cine_referral_nfa) as is_nfa,
    cine_close_reason as close_reason_code,
    cine_close_date as close_date,
    cine_referral_team as team_id,
    cine_referral_worker_id as worker_id
from lake.case__ssd_cin_episodes
