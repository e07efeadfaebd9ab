/*
grain: one row per mother-child link (ssd_mother)
definition: |
  Young people in the case system who are mothers, and their children, renamed from the SSD and typed.
  Read by the SSDA903 Header (MOTHER, MC_DOB).
columns:
  mother_link_id: Record id (moth_table_id).
  person_id: The mother (moth_person_id).
  child_person_id: Her child (moth_childs_person_id).
  child_date_of_birth: Her child's date of birth (moth_childs_dob).
tests:
  unique: [mother_link_id]
  not_null: [mother_link_id, person_id]
*/
select
    moth_table_id as mother_link_id,
    moth_person_id as person_id,
    moth_childs_person_id as child_person_id,
    moth_childs_dob as child_date_of_birth
from lake.case__ssd_mother
