/*
grain: one row per immigration status record (ssd_immigration_status)
definition: |
  Immigration statuses over time, renamed from the SSD and typed. is_uasc marks an unaccompanied
  asylum-seeking child status: text containing "unaccompanied" or the code UASC.
columns:
  immigration_status_id: Immigration status record id (immi_immigration_status_id).
  person_id: The child (immi_person_id).
  immigration_status: Status as recorded (immi_immigration_status).
  is_uasc: True for an unaccompanied asylum-seeking child status.
  start_date: Date the status started (immi_immigration_status_start_date).
  end_date: Date the status ended (immi_immigration_status_end_date); null while current.
tests:
  unique: [immigration_status_id]
  not_null: [immigration_status_id, is_uasc]
*/
select
    immi_immigration_status_id as immigration_status_id,
    immi_person_id as person_id,
    immi_immigration_status as immigration_status,
    coalesce(immi_immigration_status ilike '%unaccompanied%' or upper(trim(immi_immigration_status)) = 'UASC', false) as is_uasc,
    immi_immigration_status_start_date as start_date,
    immi_immigration_status_end_date as end_date
from lake.case__ssd_immigration_status
