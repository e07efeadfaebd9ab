/*
grain: one row per substance misuse record of a looked-after child (ssd_cla_substance_misuse)
definition: |
  Substance misuse problems identified and whether an intervention was received, for the SSDA903 OC2
  items (staging.stg_case__cla_substance_misuse).
columns:
  person_id: The child.
  misuse_date: Date the problem was recorded.
  intervention_received: True when the child received an intervention; null when not recorded.
*/
select person_id, identified_date as misuse_date, intervention_received
from staging.stg_case__cla_substance_misuse
