/*
grain: one row per person in the case-management extract (ssd_person)
definition: |
  Children and young people known to children's social care, renamed from the SSD and typed.
  Names are not carried forward: no indicator needs them, and the fewer copies of them the better.
columns:
  person_id: Case-system person id (pers_person_id).
  sex: Sex as recorded (pers_sex).
  ethnicity_code: Ethnicity code (pers_ethnicity).
  date_of_birth: Date of birth (pers_dob); null for an unborn child.
  expected_date_of_birth: Expected date of birth for an unborn child (pers_expected_dob).
  date_of_death: Date of death, where recorded (pers_death_date).
  upn_unknown_code: Why the child has no UPN, SSDA903 code UN1-UN10 (pers_upn_unknown), upper-cased.
tests:
  unique: [person_id]
  not_null: [person_id]
*/
select
    pers_person_id as person_id,
    pers_sex as sex,
    pers_ethnicity as ethnicity_code,
    pers_dob as date_of_birth,
    pers_expected_dob as expected_date_of_birth,
    pers_death_date as date_of_death,
    nullif(upper(trim(pers_upn_unknown)), '') as upn_unknown_code
from lake.case__ssd_person
