/*
grain: one row per disability recorded for a person
definition: |
  Disabilities as the case system records them (SSD ssd_disability; CIN census Disability codes: NONE MOB
  HAND PC INC COMM LD HEAR VIS BEH CON AUT DDA). NONE says the child has no disability; no row at all says
  nothing is recorded. Read by the Annex A lists ("Does the Child have a Disability").
columns:
  disability_record_id: Row id (disa_table_id).
  person_id: The person (disa_person_id).
  disability_code: CIN census disability code, trimmed and upper-cased (disa_disability_code).
tests:
  not_null: [person_id]
*/
select
    disa_table_id as disability_record_id,
    disa_person_id as person_id,
    upper(trim(disa_disability_code)) as disability_code
from lake.case__ssd_disability
