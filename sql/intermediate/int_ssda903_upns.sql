/*
grain: one row per child with a unique pupil number in ssd_linked_identifiers
definition: |
  The child's UPN for the SSDA903 Header (903 guidance: the child's unique pupil number, 13 characters):
  identifiers of type UPN (staging.stg_case__linked_identifiers, identifier_kind 'upn'), the one valid
  latest (valid-from date, then record id). A malformed UPN or one with a wrong check letter is written as
  recorded, for the validator to show (rules 141, 142, 442), never corrected here.
columns:
  person_id: The child.
  upn: Unique pupil number as recorded (spaces removed, upper-cased).
tests:
  unique: [person_id]
*/
select
    person_id,
    arg_max(identifier_value, coalesce(valid_from, date '1900-01-01')::varchar || link_id) as upn
from staging.stg_case__linked_identifiers
where identifier_kind = 'upn' and identifier_value is not null and identifier_value <> ''
group by person_id
