/*
grain: one row per immunisation status record (ssd_cla_immunisations)
definition: |
  Whether the child's immunisations are up to date, for the SSDA903 OC2 IMMUNISATIONS item
  (staging.stg_case__cla_immunisations); the status in force on 31 March is the latest recorded by then.
columns:
  person_id: The child.
  status_date: Date of the status.
  is_up_to_date: True when immunisations are up to date.
*/
select person_id, status_date, is_up_to_date
from staging.stg_case__cla_immunisations
