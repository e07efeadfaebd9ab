/*
grain: one row per school-age child in the data-quality window and UPN problem
definition: |
  The child's Unique Pupil Number, which the SSDA903 header and the CIN census carry (CIN census rules
  1510-1550), from staging.stg_case__linked_identifiers (identifier kind upn; its shape and check letter are
  checked there, by DfE's UPN guide).
  - UPN_MISSING: a child in intermediate.int_dq_children_in_scope, aged dq_upn_min_age_years (5) to 17 on the
    as-at date, with no UPN in force on it (valid_to blank or after it) and no UPN-unknown code (UN1-UN10,
    pers_upn_unknown) saying why. Record: the child (the identifier to add).
  - UPN_INVALID: a UPN in force on the as-at date for a child in the window that has not the UPN's shape
    (13 characters: check letter, 11 digits, a digit or letter) or whose first letter is not its check letter.
    Record: the identifier row (link_id). The UPN itself is not repeated in the message.
columns:
  rule_code: UPN_MISSING or UPN_INVALID.
  source_table: ssd_linked_identifiers.
  record_id: The child (UPN_MISSING) or the identifier row (UPN_INVALID).
  person_id: The child.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: Age, or what is wrong with the UPN.
tests:
  unique: [rule_code, record_id]
  not_null: [rule_code, record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

children as (
    select
        children.person_id,
        year(scope.as_at_date) - year(children.date_of_birth)
            - case when strftime(scope.as_at_date, '%m%d') < strftime(children.date_of_birth, '%m%d') then 1 else 0 end
            as age_years
    from intermediate.int_dq_children_in_scope as children
    cross join scope
    where not children.is_unborn and children.date_of_birth is not null
),

upns as (
    select identifiers.*
    from staging.stg_case__linked_identifiers as identifiers
    cross join scope
    where identifiers.identifier_kind = 'upn'
      and (identifiers.valid_from is null or identifiers.valid_from <= scope.as_at_date)
      and (identifiers.valid_to is null or identifiers.valid_to > scope.as_at_date)
),

missing as (
    select children.person_id, children.age_years
    from children
    inner join staging.stg_case__person as people using (person_id)
    where children.age_years between reference.setting_int('dq_upn_min_age_years') and 17
      and people.upn_unknown_code is null
      and not exists (select 1 from upns where upns.person_id = children.person_id)
),

invalid as (
    select upns.link_id, upns.person_id, upns.is_upn_well_formed
    from upns
    inner join intermediate.int_dq_children_in_scope as children using (person_id)
    where not upns.is_upn_check_letter_valid
)

select
    'UPN_MISSING' as rule_code,
    'ssd_linked_identifiers' as source_table,
    person_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'aged ' || age_years || ', no UPN and no UPN-unknown reason (UN1-UN10)' as detail
from missing
union all
select
    'UPN_INVALID',
    'ssd_linked_identifiers',
    link_id,
    person_id,
    cast(null as varchar),
    cast(null as varchar),
    case when is_upn_well_formed then 'the first letter is not the UPN''s check letter'
        else 'not the UPN''s shape (a letter, 11 digits, then a digit or letter)' end
from invalid
