/*
grain: one row per visit to a child in need (ssd_cin_visits)
definition: |
  Visits to children in need, renamed and typed. Y/N flags read as true/false; anything else is unknown.
columns:
  cin_visit_id: CIN visit id (cinv_cin_visit_id).
  person_id: The child (cinv_person_id).
  visit_date: Date of the visit (cinv_cin_visit_date).
  child_seen: True when the child was seen (cinv_cin_visit_seen).
  child_seen_alone: True when the child was seen alone (cinv_cin_visit_seen_alone).
  bedroom_seen: True when the child's bedroom was seen (cinv_cin_visit_bedroom).
tests:
  unique: [cin_visit_id]
  not_null: [cin_visit_id]
*/
select
    cinv_cin_visit_id as cin_visit_id,
    cinv_person_id as person_id,
    cinv_cin_visit_date as visit_date,
    reference.yes_no(cinv_cin_visit_seen) as child_seen,
    reference.yes_no(cinv_cin_visit_seen_alone) as child_seen_alone,
    reference.yes_no(cinv_cin_visit_bedroom) as bedroom_seen
from lake.case__ssd_cin_visits
