/*
grain: one row per substance misuse record of a looked-after child (ssd_cla_substance_misuse)
definition: |
  Substance misuse problems identified for looked-after children (SSD ssd_cla_substance_misuse; SSDA903 OC2
  SUBSTANCE_MISUSE "identified as having a substance misuse problem during the year" and INTERVENTION_RECEIVED),
  renamed and typed. intervention_received reads Y/N, Yes/No, 1/0, True/False; anything else is unknown (null).
  The SSD does not hold whether an intervention was offered (OC2 INTERVENTION_OFFERED).
columns:
  substance_misuse_id: Record id (clas_substance_misuse_id).
  person_id: The child (clas_person_id).
  identified_date: Date of the substance misuse (clas_substance_misuse_date).
  substance: Substance misused, as recorded (clas_substance_misused).
  intervention_received_raw: Whether the child received an intervention, as sent (clas_intervention_received).
  intervention_received: True when the child received an intervention, false when not, null when not recorded.
tests:
  unique: [substance_misuse_id]
  not_null: [substance_misuse_id, person_id]
*/
select
    clas_substance_misuse_id as substance_misuse_id,
    clas_person_id as person_id,
    clas_substance_misuse_date as identified_date,
    clas_substance_misused as substance,
    clas_intervention_received as intervention_received_raw,
    reference.yes_no(clas_intervention_received) as intervention_received
from lake.case__ssd_cla_substance_misuse
