/*
grain: one row for the authority this warehouse serves
definition: |
  Who "we" are when comparing with published figures: the authority's ONS code (setting area_code in
  reference.authority, else the code of reference/population_0_17.csv), its DfE (old, 3-digit) LA number,
  name, region and Inner/Outer London sub-region, from reference.lait_area_codes (DfE LAIT la_code_list).
  Settings come from sql/seeds/authority.csv, replaced as a whole by DIR/reference/authority.csv.
columns:
  area_code: ONS code of the authority (E09000028).
  la_number: DfE 3-digit LA number (210).
  area_name: Authority name as DfE publishes it.
  region_number: DfE number of the region (986 London).
  region_code: ONS code of the region (E12000007).
  region_name: Region name.
  subregion_number: Inner (987) or Outer (988) London for a London borough, else null.
  subregion_code: ONS code of the sub-region (E13000001 Inner London).
  subregion_name: Sub-region name.
*/
with settings as (
    select setting, nullif(trim(cast(value as varchar)), '') as value from reference.authority
),

codes as (
    select * from reference.lait_area_codes
),

chosen as (
    select coalesce((select value from settings where setting = 'area_code'),
                    (select la_code from reference.run_context)) as area_code
)

select
    chosen.area_code,
    la.la_number,
    la.area_name,
    la.region_number,
    region.area_code as region_code,
    region.area_name as region_name,
    la.subregion_number,
    subregion.area_code as subregion_code,
    subregion.area_name as subregion_name
from chosen
left join codes as la on la.area_code = chosen.area_code and la.area_type = 'la'
left join codes as region on region.la_number = la.region_number
left join codes as subregion on subregion.la_number = la.subregion_number
