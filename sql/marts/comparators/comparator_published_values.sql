/*
grain: one row per indicator, published area and published period
definition: |
  DfE's published values (LAIT, reference.lait_values) for every indicator the warehouse maps
  (reference.lait_indicator_map), for every local authority, region, Inner/Outer London and England;
  plus England figures from DfE's national tables for indicators LAIT does not break down by authority
  (reference.lait_national_values, lait_measure null).
  LAIT year N is the year ending 31 March N (period 2023-24 for N = 2024) for CIN and CLA measures, and
  the 30 September N snapshot for the workforce (period 2024-09-30, which falls in financial year 2024-25).
  Cells DfE suppressed or did not collect carry no value and keep their symbol (-, x, c).
columns:
  indicator_code: Our indicator code (reference.indicator_catalogue, published_figures.csv).
  lait_measure: LAIT measure (Short Desc) the code maps to; null for a national-table figure.
  area_code: ONS code of the area (E09000028, E12000007, E92000001).
  la_number: DfE number of the area (210; 986 London; 970 England).
  area_name: Area name as DfE publishes it.
  area_type: la, region, inner_outer_london or england.
  region_number: For an authority, its region's DfE number.
  period_label: Published period, 2023-24 (financial year) or 2024-09-30 (workforce snapshot).
  financial_year: The financial year the published period falls in (2024-25 for 2024-09-30).
  value: Published value; null where DfE suppressed or did not publish it.
  symbol: DfE's symbol where there is no value (-, x, c, z).
  source_url: Where DfE publishes the measure.
tests:
  unique: [indicator_code, la_number, period_label]
  not_null: [indicator_code, la_number, period_label, financial_year]
*/
with lait as (
    select
        cast(lait_measure as varchar) as lait_measure,
        cast(lait_year as integer) as lait_year,
        cast(la_number as integer) as la_number,
        cast(lait_area_name as varchar) as lait_area_name,
        -- LAIT's parquet holds some values as binary-float noise (73.60000000000001 for DfE's 73.6):
        -- rounded to 9 decimal places (far more than DfE publishes), so they equal the published figures.
        round(cast(value as double), 9) as value,
        nullif(cast(symbol as varchar), '') as symbol
    from reference.lait_values
),

map as (
    select * from reference.lait_indicator_map
),

codes as (
    select * from reference.lait_area_codes
),

joined as (
    select
        map.indicator_code,
        lait.lait_measure,
        codes.area_code,
        lait.la_number,
        coalesce(codes.area_name, lait.lait_area_name) as area_name,
        coalesce(codes.area_type, 'la') as area_type,
        codes.region_number,
        case map.year_type
            when 'workforce_30_september' then cast(lait.lait_year as varchar) || '-09-30'
            else cast(lait.lait_year - 1 as varchar) || '-' || right(cast(lait.lait_year as varchar), 2)
        end as period_label,
        case map.year_type
            when 'workforce_30_september'
                then cast(lait.lait_year as varchar) || '-' || right(cast(lait.lait_year + 1 as varchar), 2)
            else cast(lait.lait_year - 1 as varchar) || '-' || right(cast(lait.lait_year as varchar), 2)
        end as financial_year,
        lait.value,
        case when lait.value is null then coalesce(lait.symbol, 'x') end as symbol,
        map.source_url
    from lait
    inner join map on map.lait_measure = lait.lait_measure
    left join codes on codes.la_number = lait.la_number
),

-- England-only figures DfE publishes in its national tables (explore-education-statistics) for indicators
-- LAIT does not carry by authority (assessment durations, CP plans by category...):
-- sql/seeds/lait_national_values.csv, each row with its source; a LAIT value for the same key wins.
national as (
    select
        cast(n.indicator_code as varchar) as indicator_code,
        cast(null as varchar) as lait_measure,
        cast(n.area_code as varchar) as area_code,
        codes.la_number,
        cast(n.area_name as varchar) as area_name,
        codes.area_type,
        codes.region_number,
        cast(n.period as varchar) as period_label,
        case when regexp_full_match(cast(n.period as varchar), '[0-9]{4}-09-30')
            then left(cast(n.period as varchar), 4) || '-'
                || right(cast(cast(left(cast(n.period as varchar), 4) as integer) + 1 as varchar), 2)
            else cast(n.period as varchar)
        end as financial_year,
        round(cast(n.value as double), 9) as value,
        cast(null as varchar) as symbol,
        cast(n.source_url as varchar) as source_url
    from reference.lait_national_values as n
    inner join codes on codes.area_code = n.area_code
)

select * from joined
union all
select * from national
where not exists (
    select 1 from joined
    where joined.indicator_code = national.indicator_code and joined.la_number = national.la_number
        and joined.period_label = national.period_label
)
order by indicator_code, la_number, period_label
