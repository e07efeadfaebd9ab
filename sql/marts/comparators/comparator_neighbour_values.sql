/*
grain: one row per indicator, financial year and statistical neighbour
definition: |
  Each statistical neighbour's published value for each indicator and year (the figures behind
  marts.comparator_values.sn_average), null with DfE's symbol where the neighbour has none.
columns:
  indicator_code: Indicator code.
  financial_year: Financial year.
  sn_model: Statistical neighbour model for the year.
  sn_rank: 1 (closest) to 10.
  la_number: Neighbour's DfE LA number.
  area_code: Neighbour's ONS code.
  area_name: Neighbour's name.
  value: Neighbour's published value.
  symbol: DfE's symbol where there is no value.
tests:
  unique: [indicator_code, financial_year, sn_rank]
*/
with sn as (
    select * from marts.comparator_neighbours
),

indicators as (
    select distinct indicator_code, financial_year from marts.comparator_published_values
)

select
    indicators.indicator_code,
    sn.financial_year,
    sn.sn_model,
    sn.sn_rank,
    sn.la_number,
    sn.area_code,
    sn.area_name,
    published.value,
    coalesce(published.symbol, case when published.value is null then 'x' end) as symbol
from indicators
inner join sn on sn.financial_year = indicators.financial_year
left join marts.comparator_published_values as published
    on published.indicator_code = indicators.indicator_code
    and published.financial_year = indicators.financial_year
    and published.la_number = sn.la_number
order by indicators.indicator_code, sn.financial_year, sn.sn_rank
