/*
grain: one row per financial year and statistical neighbour of the authority
definition: |
  The authority's ten DfE statistical neighbours for each financial year, from the model that applies to
  the year: settings sn_model_from_<year> in reference.authority (the newest model whose first year is on
  or before the year; the earliest model before that). Defaults: the April 2021 model up to 2023-24, the
  May 2025 model from 2024-25. Lists: reference.lait_statistical_neighbours (DfE, via LAIT).
columns:
  financial_year: Financial year (2024-25).
  sn_model: DfE_SN_April_2021 or DfE_SN_May_2025.
  sn_rank: 1 (closest) to 10.
  la_number: The neighbour's DfE LA number.
  area_code: The neighbour's ONS code.
  area_name: The neighbour's name.
  closeness: DfE's closeness band (Very close, Close, Somewhat close, Not close).
tests:
  unique: [financial_year, sn_rank]
  not_null: [financial_year, sn_model, sn_rank, la_number]
*/
with settings as (
    select
        substr(setting, length('sn_model_from_') + 1) as first_year,
        trim(cast(value as varchar)) as sn_model
    from reference.authority
    where setting like 'sn_model_from_%' and nullif(trim(cast(value as varchar)), '') is not null
),

models as (
    select * from settings
    union all
    -- defaults when the authority's file names no model at all
    select * from (values ('2015-16', 'DfE_SN_April_2021'), ('2024-25', 'DfE_SN_May_2025')) as d(first_year, sn_model)
    where not exists (select 1 from settings)
),

years as (
    select distinct financial_year from marts.comparator_published_values
    union
    select distinct period_label from marts.indicator_values where period_type = 'financial_year'
),

year_model as (
    select
        years.financial_year,
        coalesce(
            (select arg_max(sn_model, first_year) from models where first_year <= years.financial_year),
            (select arg_min(sn_model, first_year) from models)
        ) as sn_model
    from years
),

authority as (
    select * from marts.comparator_authority
)

select
    year_model.financial_year,
    year_model.sn_model,
    cast(sn.sn_rank as integer) as sn_rank,
    cast(sn.sn_la_number as integer) as la_number,
    codes.area_code,
    codes.area_name,
    sn.closeness
from year_model
inner join reference.lait_statistical_neighbours as sn
    on sn.sn_model = year_model.sn_model
    and sn.la_number = (select la_number from authority)
left join reference.lait_area_codes as codes on codes.la_number = sn.sn_la_number
order by year_model.financial_year, sn_rank
