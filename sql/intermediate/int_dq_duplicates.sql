/*
grain: one row per person record that is likely a duplicate of another
definition: |
  DUPLICATE_PERSON: two or more person records (ssd_person) with different ids that are likely the same
  child: the same date of birth and the same name (forename and surname, compared letters only and in
  any order through staging's name_match_key, never as text). The SSD's most common upstream problem is a
  duplicated person record; one child then counts twice in every list, return and indicator.
  - Each group of matching records is listed once per record except the one with the smallest id (the one
    to keep, by the convention that the older record has the smaller id), naming the record it matches.
  - Not duplicates: twins (same date of birth and surname, different forenames), namesakes born on another
    day, and records with no date of birth or no name (they cannot be matched; DOB_MISSING lists the first).
  - A UPN match (same UPN, different ids) is the second test once UPNs are loaded (ssd_linked_identifiers).
columns:
  rule_code: DUPLICATE_PERSON.
  source_table: ssd_person.
  record_id: The person record that looks like a duplicate.
  person_id: The same person id.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: The record it matches, and on what.
  kept_person_id: The matching record with the smallest id, the one to keep.
tests:
  unique: [record_id]
  not_null: [record_id, person_id, kept_person_id]
*/
with people as (
    select person_id, date_of_birth, name_match_key
    from staging.stg_case__person
    where date_of_birth is not null and name_match_key is not null
),

groups as (
    select
        person_id,
        min(person_id) over (partition by date_of_birth, name_match_key) as kept_person_id,
        count(*) over (partition by date_of_birth, name_match_key) as records
    from people
)

select
    'DUPLICATE_PERSON' as rule_code,
    'ssd_person' as source_table,
    person_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'same date of birth and name as ' || kept_person_id
        || case when records > 2 then ' (' || records || ' records match)' else '' end as detail,
    kept_person_id
from groups
where records > 1 and person_id <> kept_person_id
