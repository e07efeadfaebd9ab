/*
grain: one row per placement (ssd_cla_placement)
definition: |
  Placements of looked-after children: where the child lived and with whom (SSDA903 placement type),
  renamed from the SSD and typed. The placement postcode is personal data: staging keeps only its outward
  code (postcode district, e.g. SE15), which is all the distance calculation needs, and the full
  postcode (postcode) only because DfE's SSDA903 return collects it (PL_POST).
columns:
  placement_id: Placement id (clap_cla_placement_id).
  person_id: The child (clap_person_id).
  cla_id: Period-of-care id the placement belongs to (clap_cla_id).
  start_date: Placement start date (clap_cla_placement_start_date).
  end_date: Placement end date (clap_cla_placement_end_date); null while current.
  placement_type_code: SSDA903 placement type (clap_cla_placement_type), e.g. U1-U6 foster, A3-A6 placed for adoption, K2 children's home.
  provider_code: Placement provider PR0-PR5 (clap_cla_placement_provider).
  urn: Ofsted URN of the placement (clap_cla_placement_urn).
  distance_miles_recorded: Distance from home to placement in miles as the case system gives it (clap_cla_placement_distance); 999.9 is the SSDA903 convention for "no home postcode".
  postcode: Full placement postcode, upper-case, one space before the inward code (SE15 3AB); carried only for the SSDA903 return, whose PL_POST DfE collects in full (placement distance and in/out-of-area rules).
  placement_district: Outward code of the placement postcode (the part before the last three characters), upper-case, no spaces.
  change_reason_code: Reason for placement change, SSDA903 code (clap_cla_placement_change_reason).
tests:
  unique: [placement_id]
  not_null: [placement_id]
*/
with placements as (
    select
        *,
        upper(replace(coalesce(clap_cla_placement_postcode, ''), ' ', '')) as postcode_compact
    from lake.case__ssd_cla_placement
)

select
    clap_cla_placement_id as placement_id,
    clap_person_id as person_id,
    clap_cla_id as cla_id,
    clap_cla_placement_start_date as start_date,
    clap_cla_placement_end_date as end_date,
    nullif(upper(trim(clap_cla_placement_type)), '') as placement_type_code,
    nullif(upper(trim(clap_cla_placement_provider)), '') as provider_code,
    nullif(trim(clap_cla_placement_urn), '') as urn,
    clap_cla_placement_distance as distance_miles_recorded,
    case when length(postcode_compact) >= 5
        then left(postcode_compact, length(postcode_compact) - 3) || ' ' || right(postcode_compact, 3) end as postcode,
    case when length(postcode_compact) >= 5 then left(postcode_compact, length(postcode_compact) - 3) end as placement_district,
    nullif(upper(trim(clap_cla_placement_change_reason)), '') as change_reason_code
from placements
