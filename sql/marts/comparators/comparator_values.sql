/*
grain: one row per indicator and financial year (local or published)
definition: |
  What the self-evaluation pack and the comparator files compare: for each indicator and financial year,
  the authority's local value (marts.indicator_values, financial year; year to date while incomplete;
  for an indicator DfE publishes at a census date, period_type census_30sep, the value at the same
  30 September as DfE's workforce figures: the 30 September that falls in the financial year, e.g.
  2024-09-30 for 2024-25, as DfE's children's social work workforce release counts it) beside DfE's published values for the same indicator code (marts.comparator_published_values): the
  authority's own, England, its region, its Inner/Outer London sub-region, and the statistical neighbour
  average = simple mean of the published values of the year's ten DfE statistical neighbours that have
  one (marts.comparator_neighbours; which had a value is listed). Rank and quartile among all English
  authorities come from marts.comparator_rankings; local_rank says where the local value would sit among
  the other authorities' published values for the same year. The published figures are DfE's annual
  definitions; the local values follow them where published_comparable is true, but local monthly series
  and year-to-date values are local measures (see definition_note).
columns:
  indicator_code: Indicator code.
  area: Self-evaluation area (front_door, child_protection...).
  title: Indicator title.
  unit: count, percent, rate_per_10000...
  polarity: higher_is_better, lower_is_better or neutral.
  financial_year: Financial year (2024-25).
  published_period: The published period compared (2024-25, or 2024-09-30 for the workforce).
  local_period: The local period compared (2024-25, or 2024-09-30 for a census-date indicator).
  local_value: The authority's value from the warehouse's own data.
  local_numerator: Count behind the local value.
  local_denominator: Denominator behind the local value.
  local_is_complete: False while the year is in progress (year to date).
  published_value: The authority's own published (DfE) value.
  england_value: England's published value.
  region_value: The region's published value (London).
  subregion_value: Inner or Outer London's published value (null outside London).
  sn_model: Statistical neighbour model used for the year.
  sn_average: Mean of the neighbours' published values, 1 decimal place (half up).
  sn_with_value: How many of the ten neighbours had a published value.
  sn_without_value: Neighbours with no published value (names), empty when all had one.
  rank: The authority's published rank among English authorities (1 = best); null for neutral polarity.
  ranked_authorities: Authorities ranked.
  quartile: 1 (best) to 4.
  local_rank: Where the local value would rank among the other authorities' published values that year.
  published_comparable: Catalogue flag, true when the local definition matches DfE's published one.
  definition_note: How far local and published figures can be compared.
  source_url: Where DfE publishes the measure.
tests:
  unique: [indicator_code, financial_year]
  not_null: [indicator_code, financial_year]
*/
with local_years as (
    select *, period_label as financial_year, period_label as local_period
    from marts.indicator_values where period_type = 'financial_year'
    union all by name
    -- a 30 September census falls in the financial year that starts the April before it
    select *,
        cast(year(period_end) as varchar) || '-' || right(cast(year(period_end) + 1 as varchar), 2)
            as financial_year,
        period_label as local_period
    from marts.indicator_values where period_type = 'census_30sep'
),

published as (
    select * from marts.comparator_published_values
),

authority as (
    select * from marts.comparator_authority
),

map as (
    select * from reference.lait_indicator_map
),

catalogue as (
    select * from reference.indicator_catalogue
),

keys as (
    select indicator_code, financial_year from local_years
    union
    select indicator_code, financial_year from published
    where la_number in (select la_number from authority union all select 970)
),

published_period as (
    select indicator_code, financial_year, max(period_label) as published_period
    from published group by all
),

own as (
    select indicator_code, financial_year, value
    from published where la_number = (select la_number from authority)
),

england as (
    select indicator_code, financial_year, value, lait_measure is null as national, source_url as england_source
    from published where area_type = 'england'
),

region as (
    select indicator_code, financial_year, value
    from published where la_number = (select region_number from authority)
),

subregion as (
    select indicator_code, financial_year, value
    from published where la_number = (select subregion_number from authority)
),

neighbours as (
    select
        indicator_code,
        financial_year,
        any_value(sn_model) as sn_model,
        -- mean to 1 dp, half up, in integer arithmetic on the sum in units of 1e-9 (published values
        -- have at most 9 decimals): a mean of exactly x.x5 rounds up as DfE and Excel do (61.55 -> 61.6),
        -- not up or down by the binary float's error. round(10 * mean) = floor((20 S + n) / 2n).
        case when count(value) > 0 then
            ((cast(round(sum(value) * 1e9) as hugeint) * 20 + count(value) * 1000000000)
                // (count(value) * 2000000000)) / 10.0
        end as sn_average,
        cast(count(value) as integer) as sn_with_value,
        coalesce(string_agg(case when value is null then area_name end, ', ' order by sn_rank), '') as sn_without_value
    from marts.comparator_neighbour_values
    group by all
),

ranks as (
    select indicator_code, financial_year, rank, ranked_authorities, quartile
    from marts.comparator_rankings where la_number = (select la_number from authority)
),

others as (
    select * from marts.comparator_rankings where la_number <> coalesce((select la_number from authority), -1)
),

joined as (
    select
        indicator_code,
        coalesce(catalogue.area, map.area) as area,
        coalesce(catalogue.title, map.lait_title) as title,
        coalesce(catalogue.unit, local_years.unit, map.unit) as unit,
        coalesce(catalogue.polarity, map.lait_polarity, 'neutral') as polarity,
        financial_year,
        published_period.published_period,
        local_years.local_period,
        local_years.value as local_value,
        local_years.numerator as local_numerator,
        local_years.denominator as local_denominator,
        local_years.is_complete as local_is_complete,
        own.value as published_value,
        england.value as england_value,
        region.value as region_value,
        subregion.value as subregion_value,
        coalesce(neighbours.sn_model, (select any_value(sn_model) from marts.comparator_neighbours as n
            where n.financial_year = keys.financial_year)) as sn_model,
        neighbours.sn_average,
        coalesce(neighbours.sn_with_value, 0) as sn_with_value,
        neighbours.sn_without_value,
        ranks.rank,
        ranks.ranked_authorities,
        ranks.quartile,
        cast(case
            when local_years.value is null then null
            when coalesce(catalogue.polarity, map.lait_polarity) = 'higher_is_better' then 1 + (select count(*) from others
                where others.indicator_code = keys.indicator_code and others.financial_year = keys.financial_year
                and others.value > local_years.value)
            when coalesce(catalogue.polarity, map.lait_polarity) = 'lower_is_better' then 1 + (select count(*) from others
                where others.indicator_code = keys.indicator_code and others.financial_year = keys.financial_year
                and others.value < local_years.value)
        end as integer) as local_rank,
        catalogue.published_comparable,
        case
            when map.lait_measure is null and england.national
                then 'England figure from DfE''s national tables; DfE publishes no figure by authority for it.'
            when map.lait_measure is null then 'Local measure: DfE publishes no comparable figure.'
            when catalogue.title is null then 'Published figure only: the warehouse does not compute this indicator yet.'
            when not coalesce(cast(catalogue.published_comparable as boolean), false)
                then 'Local definition differs from the published one: compare with care.'
            when map.year_type = 'workforce_30_september'
                then 'Local and published values are both at 30 September (DfE workforce census definitions).'
            else 'Annual value follows the DfE definition; monthly and year-to-date values are local measures.'
        end as definition_note,
        coalesce(map.source_url, england.england_source) as source_url
    from keys
    left join local_years using (indicator_code, financial_year)
    left join catalogue using (indicator_code)
    left join map using (indicator_code)
    left join published_period using (indicator_code, financial_year)
    left join own using (indicator_code, financial_year)
    left join england using (indicator_code, financial_year)
    left join region using (indicator_code, financial_year)
    left join subregion using (indicator_code, financial_year)
    left join neighbours using (indicator_code, financial_year)
    left join ranks using (indicator_code, financial_year)
)

select * from joined
order by area, indicator_code, financial_year
