/*
grain: one row per statutory visit to a looked-after child (ssd_cla_visits)
definition: |
  Social worker visits to looked-after children, renamed from the SSD and typed.
columns:
  visit_id: Visit id (clav_cla_visit_id).
  cla_id: Period-of-care id (clav_cla_id).
  person_id: The child (clav_person_id).
  visit_date: Date of the visit (clav_cla_visit_date).
  child_seen: True when the child was seen (clav_cla_visit_seen).
  child_seen_alone: True when the child was seen alone (clav_cla_visit_seen_alone).
tests:
  unique: [visit_id]
  not_null: [visit_id]
*/
select
    clav_cla_visit_id as visit_id,
    clav_cla_id as cla_id,
    clav_person_id as person_id,
    clav_cla_visit_date as visit_date,
    reference.yes_no(clav_cla_visit_seen) as child_seen,
    reference.yes_no(clav_cla_visit_seen_alone) as child_seen_alone
from lake.case__ssd_cla_visits
