/*
grain: one row per person record that is likely a duplicate of another
definition: |
  DUPLICATE_PERSON: two or more person records (ssd_person) with different ids that are likely the same
  child: the same date of birth and the same name (forename and surname, compared letters only and in
  any order through staging's name_match_key, never as text), or the same UPN (staging.stg_case__linked_identifiers,
  a well-formed UPN, in force or not). The SSD's most common upstream problem is a duplicated person record;
  one child then counts twice in every list, return and indicator.
  - Each group of matching records is listed once per record except the one with the smallest id (the one
    to keep, by the convention that the older record has the smaller id), naming the record it matches and
    on what. A record matching on both name and UPN is listed once.
  - Not duplicates: twins (same date of birth and surname, different forenames and UPNs), namesakes born on
    another day, and records with no date of birth or no name and no shared UPN (DOB_MISSING lists the first).
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
with by_name as (
    select person_id, 'date of birth and name' as basis, cast(date_of_birth as varchar) || '|' || name_match_key as match_key
    from staging.stg_case__person
    where date_of_birth is not null and name_match_key is not null
),

by_upn as (
    select distinct person_id, 'UPN' as basis, identifier_value as match_key
    from staging.stg_case__linked_identifiers
    where identifier_kind = 'upn' and is_upn_well_formed
),

matches as (
    select * from by_name
    union all
    select * from by_upn
),

groups as (
    select
        person_id,
        basis,
        min(person_id) over (partition by basis, match_key) as kept_person_id,
        count(*) over (partition by basis, match_key) as records
    from matches
),

per_record as (
    select
        person_id,
        min(kept_person_id) as kept_person_id,
        string_agg(distinct basis, ' and ' order by basis) as bases,
        max(records) as records
    from groups
    where records > 1 and person_id <> kept_person_id
    group by person_id
)

select
    'DUPLICATE_PERSON' as rule_code,
    'ssd_person' as source_table,
    person_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'same ' || bases || ' as ' || kept_person_id
        || case when records > 2 then ' (' || records || ' records match)' else '' end as detail,
    kept_person_id
from per_record
