/*
grain: one row per placement in force at the as-at date and missing a location field
definition: |
  Placements (ssd_cla_placement) in force on the as-at date: started on or before it, not ended or ended
  after it.
  - CLA_PLACEMENT_NO_POSTCODE: no usable postcode (blank, or too short to hold an outward code). SSDA903
    PL_POST, Annex A List 8's placement postcode and LA of placement, and the 20-mile and placement-location
    measures all need it (903 validator rule 392b).
  - CLA_PLACEMENT_NO_URN: no Ofsted URN for a placement whose type is a setting registered with Ofsted in its
    own right (setting dq_urn_expected_placement_types: K1, K2, H5, S1; 903 validator rule 218).
columns:
  rule_code: CLA_PLACEMENT_NO_POSTCODE or CLA_PLACEMENT_NO_URN.
  source_table: ssd_cla_placement.
  record_id: The placement id.
  person_id: The child.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: Placement type and start date.
tests:
  unique: [rule_code, record_id]
  not_null: [rule_code, record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

current_placements as (
    select placements.*
    from staging.stg_case__cla_placement as placements
    cross join scope
    where placements.start_date <= scope.as_at_date
      and (placements.end_date is null or placements.end_date > scope.as_at_date)
),

problems as (
    select 'CLA_PLACEMENT_NO_POSTCODE' as rule_code, *
    from current_placements
    where placement_district is null
    union all
    select 'CLA_PLACEMENT_NO_URN', *
    from current_placements
    where urn is null
      and list_contains(string_split(reference.setting('dq_urn_expected_placement_types'), ','), placement_type_code)
)

select
    rule_code,
    'ssd_cla_placement' as source_table,
    placement_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'placement type ' || coalesce(placement_type_code, 'not recorded') || ', started '
        || strftime(start_date, '%d/%m/%Y') as detail
from problems
