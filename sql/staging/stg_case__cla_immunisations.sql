/*
grain: one row per person and date the immunisation status was recorded (ssd_cla_immunisations)
definition: |
  Whether a looked-after child's immunisations are up to date (SSD ssd_cla_immunisations; SSDA903 OC2
  IMMUNISATIONS: "immunisations up to date" at 31 March for children looked after continuously for 12 months),
  renamed and typed. A system keeping only the latest status sends one row per child; one keeping each update
  sends one per date, and the status in force on a date is the latest recorded on or before it.
  is_up_to_date reads Y/N, Yes/No, 1/0, True/False; anything else is unknown (null).
columns:
  person_id: The child (clai_person_id).
  status_date: Date the status was last updated (clai_immunisations_status_date).
  status_raw: The status as sent (clai_immunisations_status).
  is_up_to_date: True when immunisations are up to date, false when not, null when not recorded or unreadable.
tests:
  unique: [person_id, status_date]
  not_null: [person_id]
*/
select
    clai_person_id as person_id,
    clai_immunisations_status_date as status_date,
    clai_immunisations_status as status_raw,
    reference.yes_no(clai_immunisations_status) as is_up_to_date
from lake.case__ssd_cla_immunisations
