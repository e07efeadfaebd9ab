/*
grain: one row per visit to a child on a child protection plan (ssd_cp_visits)
definition: |
  Statutory visits to children on CP plans (case-note records), renamed and typed. Y/N flags read as
  true/false; anything else is unknown (null), not "no".
columns:
  cp_visit_id: Visit (case note) id (cppv_cp_visit_id).
  person_id: The child (cppv_person_id).
  cp_plan_id: The plan the visit belongs to (cppv_cp_plan_id).
  visit_date: Date of the visit (cppv_cp_visit_date).
  child_seen: True when the child was seen (cppv_cp_visit_seen).
  child_seen_alone: True when the child was seen alone (cppv_cp_visit_seen_alone).
  bedroom_seen: True when the child's bedroom was seen (cppv_cp_visit_bedroom).
tests:
  unique: [cp_visit_id]
  not_null: [cp_visit_id, cp_plan_id]
*/
select
    cppv_cp_visit_id as cp_visit_id,
    cppv_person_id as person_id,
    cppv_cp_plan_id as cp_plan_id,
    cppv_cp_visit_date as visit_date,
    reference.yes_no(cppv_cp_visit_seen) as child_seen,
    reference.yes_no(cppv_cp_visit_seen_alone) as child_seen_alone,
    reference.yes_no(cppv_cp_visit_bedroom) as bedroom_seen
from lake.case__ssd_cp_visits
