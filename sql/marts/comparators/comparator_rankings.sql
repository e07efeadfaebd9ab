/*
grain: one row per indicator, published period and local authority with a published value
definition: |
  Every authority's rank among all English local authorities with a published value for the indicator
  and period, by the indicator's polarity: rank 1 = best (highest value when higher is better, lowest when
  lower is better; ties share a rank). Quartile 1 = the best quarter: 1 + floor(4 x (rank - 1) / n).
  Indicators whose polarity is neutral (neither high nor low is better) are not ranked. Polarity is the
  catalogue's (reference.indicator_catalogue), else LAIT's (reference.lait_indicator_map).
columns:
  indicator_code: Indicator code.
  period_label: Published period (2023-24, 2024-09-30).
  financial_year: Financial year the period falls in.
  la_number: The authority's DfE LA number.
  area_code: The authority's ONS code.
  area_name: The authority's name.
  value: Its published value.
  polarity: higher_is_better or lower_is_better.
  rank: 1 = best.
  ranked_authorities: How many authorities had a value.
  quartile: 1 (best 25%) to 4 (worst 25%).
tests:
  unique: [indicator_code, period_label, la_number]
*/
with published as (
    select * from marts.comparator_published_values where area_type = 'la' and value is not null
),

polarity as (
    select
        map.indicator_code,
        coalesce(catalogue.polarity, map.lait_polarity) as polarity
    from reference.lait_indicator_map as map
    left join reference.indicator_catalogue as catalogue using (indicator_code)
),

ranked as (
    select
        published.indicator_code,
        published.period_label,
        published.financial_year,
        published.la_number,
        published.area_code,
        published.area_name,
        published.value,
        polarity.polarity,
        cast(case polarity.polarity
            when 'higher_is_better' then rank() over (partition by published.indicator_code, published.period_label order by published.value desc)
            when 'lower_is_better' then rank() over (partition by published.indicator_code, published.period_label order by published.value asc)
        end as integer) as rank,
        cast(count(*) over (partition by published.indicator_code, published.period_label) as integer) as ranked_authorities
    from published
    inner join polarity using (indicator_code)
    where polarity.polarity in ('higher_is_better', 'lower_is_better')
)

select
    *,
    cast(1 + floor(4.0 * (rank - 1) / ranked_authorities) as integer) as quartile
from ranked
order by indicator_code, period_label, rank
