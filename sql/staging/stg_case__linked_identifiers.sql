/*
grain: one row per identifier held for a person (ssd_linked_identifiers)
definition: |
  Identifiers a person is known by in other systems (SSD ssd_linked_identifiers), renamed and typed. The SSDA903
  header and the CIN census take the child's Unique Pupil Number (UPN) from here; a child without one carries a
  UPN-unknown code (UN1-UN7) in ssd_person instead. identifier_kind classifies the free-text type: upn,
  former_upn, nhs_number, ni_number, home_office_reference, yot_number, court_case_number, raa_id, incident_id,
  case_number, or other. identifier_value is trimmed; UPNs are upper-cased with spaces removed.
  UPN checks (DfE "Unique Pupil Numbers (UPN): a guide for schools and local authorities", v1.2; CIN census rules
  1510-1550): 13 characters; character 1 a check letter (A-Z without I, O, S); characters 2-12 digits (2-4 the
  old LA number); character 13 a digit, or a letter for a temporary UPN. The check letter is the weighted sum of
  characters 2-13 (weights 2-13; a letter in position 13 counts as its place in the check alphabet) mod 23,
  read in ABCDEFGHJKLMNPQRTUVWXYZ (0 = A ... 22 = Z).
columns:
  link_id: Row id (link_table_id).
  person_id: The person (link_person_id).
  identifier_type: Type as recorded (link_identifier_type).
  identifier_kind: upn, former_upn, nhs_number, ni_number, home_office_reference, yot_number, court_case_number, raa_id, incident_id, case_number or other.
  identifier_value: The identifier, trimmed; UPNs upper-cased without spaces (link_identifier_value).
  valid_from: Date the identifier is known or valid from (link_valid_from_date).
  valid_to: Date it ceased to be valid (link_valid_to_date); null while valid.
  is_upn_well_formed: For a UPN or former UPN, true when it has the UPN's shape (letter, 11 digits, digit or letter); null for other identifiers.
  is_upn_check_letter_valid: For a UPN or former UPN, true when the well-formed UPN's first letter is its check letter; null for other identifiers.
tests:
  unique: [link_id]
  not_null: [link_id, person_id, identifier_kind, identifier_value]
*/
with identifiers as (
    select
        *,
        lower(regexp_replace(coalesce(link_identifier_type, ''), '[^A-Za-z]', '', 'g')) as type_key
    from lake.case__ssd_linked_identifiers
),

classified as (
    select
        *,
        case
            when type_key like '%former%' and (type_key like '%pupil%' or type_key like '%upn%') then 'former_upn'
            when type_key like '%pupil%' or type_key = 'upn' then 'upn'
            when type_key like '%nhs%' then 'nhs_number'
            when type_key like '%nationalinsurance%' or type_key = 'nino' then 'ni_number'
            when type_key like '%homeoffice%' then 'home_office_reference'
            when type_key like '%yot%' or type_key like '%youthoffending%' or type_key like '%youthjustice%' then 'yot_number'
            when type_key like '%court%' then 'court_case_number'
            when type_key like '%raa%' or type_key like '%regionaladoption%' then 'raa_id'
            when type_key like '%incident%' then 'incident_id'
            when type_key like '%case%' then 'case_number'
            else 'other'
        end as identifier_kind
    from identifiers
),

valued as (
    select
        *,
        case
            when identifier_kind in ('upn', 'former_upn') then upper(regexp_replace(link_identifier_value, '\s', '', 'g'))
            else trim(link_identifier_value)
        end as value_clean
    from classified
),

checked as (
    select
        *,
        regexp_full_match(value_clean, '[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]') as upn_shape,
        -- weights 2..13 on characters 2..13; a temporary UPN's final letter counts as its check-alphabet place
        substr('ABCDEFGHJKLMNPQRTUVWXYZ', 1 + cast(list_sum(list_transform(range(2, 14), lambda i:
            i * case
                when substr(value_clean, i, 1) between '0' and '9' then ascii(substr(value_clean, i, 1)) - 48
                else strpos('ABCDEFGHJKLMNPQRTUVWXYZ', substr(value_clean, i, 1)) - 1
            end)) % 23 as integer), 1) as expected_check_letter
    from valued
)

select
    link_table_id as link_id,
    link_person_id as person_id,
    link_identifier_type as identifier_type,
    identifier_kind,
    value_clean as identifier_value,
    link_valid_from_date as valid_from,
    link_valid_to_date as valid_to,
    case when identifier_kind in ('upn', 'former_upn') then coalesce(upn_shape, false) end as is_upn_well_formed,
    case
        when identifier_kind in ('upn', 'former_upn')
            then coalesce(upn_shape and substr(value_clean, 1, 1) = expected_check_letter, false)
    end as is_upn_check_letter_valid
from checked
