/*
grain: one row per address record (ssd_address)
definition: |
  Children's addresses over time. The address itself and the full postcode are personal data and are not
  carried: staging keeps only the postcode district (outward code, e.g. SE15), which is all the
  home-to-placement distance needs, and the full postcode only because DfE's SSDA903 return collects it
  (HOME_POST).
columns:
  address_id: Address record id (addr_table_id).
  person_id: The person (addr_person_id).
  address_type: Address type as recorded (addr_address_type).
  start_date: Date the person lived there from (addr_address_start_date).
  end_date: Date the person lived there to (addr_address_end_date); null while current.
  postcode: Full postcode, upper-case, one space before the inward code (SE15 3AB); carried only for the SSDA903 return, whose HOME_POST DfE collects in full.
  postcode_district: Outward code of the postcode (the part before the last three characters), upper-case.
tests:
  unique: [address_id]
  not_null: [address_id]
*/
with addresses as (
    select
        *,
        upper(replace(coalesce(addr_address_postcode, ''), ' ', '')) as postcode_compact
    from lake.case__ssd_address
)

select
    addr_table_id as address_id,
    addr_person_id as person_id,
    addr_address_type as address_type,
    addr_address_start_date as start_date,
    addr_address_end_date as end_date,
    case when length(postcode_compact) >= 5
        then left(postcode_compact, length(postcode_compact) - 3) || ' ' || right(postcode_compact, 3) end as postcode,
    case when length(postcode_compact) >= 5 then left(postcode_compact, length(postcode_compact) - 3) end as postcode_district
from addresses
