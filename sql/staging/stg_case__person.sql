/*
grain: one row per person in the case-management extract (ssd_person)
definition: |
  Children and young people known to children's social care, renamed from the SSD and typed.
  Names are not carried forward: no indicator needs them, and the fewer copies of them the better. Only a
  one-way hash of them is kept (name_match_key), so likely duplicate records can be found (int_dq_duplicates)
  without a name in the warehouse.
columns:
  person_id: Case-system person id (pers_person_id).
  name_match_key: SHA-256 of forename and surname, lower-cased, letters only, in alphabetical order (so a swapped forename and surname match); null unless both are recorded. Compares names without holding them.
  sex: Sex as recorded (pers_sex).
  ethnicity_code: Ethnicity code (pers_ethnicity).
  date_of_birth: Date of birth (pers_dob); null for an unborn child.
  expected_date_of_birth: Expected date of birth for an unborn child (pers_expected_dob).
  date_of_death: Date of death, where recorded (pers_death_date).
  upn_unknown_code: Why the child has no UPN, SSDA903 code UN1-UN10 (pers_upn_unknown), upper-cased.
tests:
  unique: [person_id]
  not_null: [person_id]
  warn:
    # SSD PERS002A: M, F, U (unknown); another code passes through to the returns, so flag it, don't stop.
    accepted_values:
      sex: [M, F, U]
*/
select
    pers_person_id as person_id,
    case
        when nullif(regexp_replace(lower(pers_forename), '[^a-z]', '', 'g'), '') is not null
            and nullif(regexp_replace(lower(pers_surname), '[^a-z]', '', 'g'), '') is not null
        then sha256(array_to_string(list_sort([
            regexp_replace(lower(pers_forename), '[^a-z]', '', 'g'),
            regexp_replace(lower(pers_surname), '[^a-z]', '', 'g')]), '|'))
    end as name_match_key,
    pers_sex as sex,
    pers_ethnicity as ethnicity_code,
    pers_dob as date_of_birth,
    pers_expected_dob as expected_date_of_birth,
    pers_death_date as date_of_death,
    nullif(upper(trim(pers_upn_unknown)), '') as upn_unknown_code
from lake.case__ssd_person
