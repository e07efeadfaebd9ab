/*
grain: one row per missing or away-from-placement episode (ssd_missing)
definition: |
  Episodes when a child was missing (whereabouts unknown) or away from placement without authorisation
  (whereabouts known), renamed from the SSD and typed. Start and end are timestamps; the end is null while
  the child is still missing. episode_kind reads the type as M/Missing = missing, A/Absent/Away = away.
  The SSD records whether a return home interview (RHI) was offered and accepted, but not when.
columns:
  missing_episode_id: Missing episode id (miss_table_id).
  person_id: The child (miss_person_id).
  started_at: When the child went missing or was last seen (miss_missing_episode_start_date).
  ended_at: When the child was found or returned (miss_missing_episode_end_date); null while missing.
  episode_type: Type as recorded (miss_missing_episode_type).
  episode_kind: missing, away or unknown.
  rhi_offered: True when a return home interview was offered (miss_missing_rhi_offered); null when not recorded or NA.
  rhi_accepted: True when the return home interview was accepted (miss_missing_rhi_accepted); null when not recorded or NA.
tests:
  unique: [missing_episode_id]
  not_null: [missing_episode_id, person_id, started_at, episode_kind]
*/
select
    miss_table_id as missing_episode_id,
    miss_person_id as person_id,
    miss_missing_episode_start_date as started_at,
    miss_missing_episode_end_date as ended_at,
    miss_missing_episode_type as episode_type,
    case
        when upper(trim(miss_missing_episode_type)) in ('M', 'MISSING') then 'missing'
        when upper(trim(miss_missing_episode_type)) in ('A', 'ABSENT', 'AWAY') then 'away'
        else 'unknown'
    end as episode_kind,
    reference.yes_no(miss_missing_rhi_offered) as rhi_offered,
    reference.yes_no(miss_missing_rhi_accepted) as rhi_accepted
from lake.case__ssd_missing
