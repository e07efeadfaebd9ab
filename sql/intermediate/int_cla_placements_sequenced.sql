/*
grain: one row per placement within a period of care (short breaks excluded)
definition: |
  Each placement placed in its period of care, with the DfE rules the stability and distance measures need.
  - Same carers: a placement does not count as a move when it continues the previous placement with the
    same carers: placement type A3/A5 (placed for adoption with current foster carers), or an episode
    starting that day with reason T or U (SSDA903: change of placement, same carers). Such placements
    join the previous one's placement run; runs are what the DfE counts as placements.
  - Under 24 hours: a placement ending on the day it started (lasting under 24 hours as far as dates tell)
    does not count towards the number of placements (LAIT: placements of 24 hours or more).
  - Distance from home: the extract's distance (clap_cla_placement_distance) where given; 999.9, the
    SSDA903 "no home postcode" value (setting cla_placement_distance_unknown_miles), is unknown, not far.
    Where the extract gives no distance, it is worked out as the great-circle (haversine, earth radius
    3,958.8 miles) distance between the centroids of the home postcode district (DfE: the home address from
    which the child was first placed, i.e. the child's address in force when the period of care started,
    else the latest address that had started by then; an address starting only after the child came into
    care may be the placement itself, so it is never used, nor is an address whose type names it a placement
    address, the SSD's addr_address_type being e.g. Home / Placement / Primary) and the placement's postcode district, from
    reference.postcode_district_centroids. Otherwise it is unknown and the child is counted as such, never
    dropped. An address with no start date is taken to have started before the period of care.
  - Postcode district centroids (sql/seeds/postcode_district_centroids.csv): one row per outward code:
    all geographic London postal districts (E, EC, N, NW, SE, SW, W, WC), the outer-London post towns
    (BR, CR, DA, EN, HA, IG, KT, RM, SM, TW, UB, WD) and the districts the synthetic generator writes
    (ME4, TN1, BN1, CT9, SS1, LU1, MK9, B12, RH10, CM1). Coordinates are approximate district centres
    written from public geography knowledge, not copied from the ONS Postcode Directory; they are typically
    within about a kilometre of the ONSPD district centroid, close enough for a 20-mile threshold but not
    for placements within a mile or so of it. Non-geographic districts (EC2P, W1A, SE1P, N1P, N81, NW26,
    SW95...) are left out. Replace with ONSPD-derived centroids when available.
  - Inside or outside the authority: the SSD has no SSDA903 placement-location flag, so a placement is
    inside when its postcode district is one of the authority's districts (setting cla_la_postcode_districts;
    a district-level approximation), outside when it is another district, unknown with no postcode.
columns:
  placement_id: Placement id.
  person_id: The child.
  period_of_care_id: Period of care the placement falls in.
  start_date: Placement start date.
  end_date: Placement end date, capped at the end of the period of care; null while current.
  placement_type_code: SSDA903 placement type.
  placement_sequence: 1 for the first placement in the period of care, 2 for the next...
  is_same_carers: True when the placement continues the previous one with the same carers (not a move).
  is_under_24_hours: True when the placement ended on the day it started.
  placement_run: Number of the DfE placement (run of same-carer placements) within the period of care.
  run_start_date: Start of the placement run this placement belongs to.
  previous_run_start_date: Start of the previous placement run in the period of care, if any.
  is_adoption_placement: True for placement types A3-A6 (placed for adoption).
  home_district: Postcode district of the home address from which the child was placed.
  placement_district: Postcode district of the placement.
  distance_miles: Distance from home to placement in miles (1 dp); null when unknown.
  distance_source: extract, postcode_district or unknown.
  is_outside_la: True when the placement district is not one of the authority's; null when unknown.
  is_over_distance_threshold: True when distance_miles is over setting cla_placement_distance_threshold_miles (20); null when unknown.
tests:
  unique: [placement_id]
  not_null: [placement_id, person_id, period_of_care_id, start_date, placement_run, distance_source]
*/
with placements as (
    select * from staging.stg_case__cla_placement
),

episode_people as (
    select placement_id, any_value(person_id) as person_id
    from staging.stg_case__cla_episodes
    where placement_id is not null
    group by placement_id
),

same_carer_episodes as (
    select distinct person_id, start_date
    from staging.stg_case__cla_episodes
    where start_reason_code in ('T', 'U')
),

periods as (
    select * from intermediate.int_cla_periods_of_care
),

addresses as (
    select * from staging.stg_case__address
    where person_id is not null and postcode_district is not null
      and coalesce(address_type, '') not ilike '%placement%'
),

centroids as (
    select upper(outward_code) as outward_code, latitude, longitude from reference.postcode_district_centroids
),

in_care as (
    select
        placements.placement_id,
        coalesce(placements.person_id, episode_people.person_id) as person_id,
        periods.period_of_care_id,
        periods.start_date as period_start_date,
        placements.start_date,
        case
            when periods.end_date is not null and (placements.end_date is null or placements.end_date > periods.end_date)
                then periods.end_date
            else placements.end_date
        end as end_date,
        placements.placement_type_code,
        placements.distance_miles_recorded,
        placements.placement_district
    from placements
    left join episode_people using (placement_id)
    inner join periods
        on periods.person_id = coalesce(placements.person_id, episode_people.person_id)
        and placements.start_date >= periods.start_date
        and (periods.end_date is null or placements.start_date < periods.end_date)
),

sequenced as (
    select
        in_care.*,
        row_number() over period_history as placement_sequence,
        row_number() over period_history > 1 and (
            in_care.placement_type_code in ('A3', 'A5')
            or exists (select 1 from same_carer_episodes as s
                       where s.person_id = in_care.person_id and s.start_date = in_care.start_date)
        ) as is_same_carers
    from in_care
    window period_history as (partition by period_of_care_id order by start_date, placement_id)
),

runs as (
    select
        *,
        sum(case when is_same_carers then 0 else 1 end)
            over (partition by period_of_care_id order by start_date, placement_id rows unbounded preceding) as placement_run
    from sequenced
),

run_starts as (
    select
        *,
        min(start_date) over (partition by period_of_care_id, placement_run) as run_start_date
    from runs
),

with_previous as (
    select
        run_starts.*,
        (select max(r2.run_start_date) from run_starts as r2
         where r2.period_of_care_id = run_starts.period_of_care_id and r2.placement_run = run_starts.placement_run - 1)
            as previous_run_start_date
    from run_starts
),

home as (
    select
        in_care.placement_id,
        coalesce(
            arg_max(addresses.postcode_district, coalesce(addresses.start_date, date '0001-01-01')) filter (
                where coalesce(addresses.start_date, date '0001-01-01') <= in_care.period_start_date
                  and (addresses.end_date is null or addresses.end_date > in_care.period_start_date)),
            arg_max(addresses.postcode_district, coalesce(addresses.start_date, date '0001-01-01')) filter (
                where coalesce(addresses.start_date, date '0001-01-01') <= in_care.period_start_date)
        ) as home_district
    from in_care
    inner join addresses on addresses.person_id = in_care.person_id
    group by in_care.placement_id
),

distanced as (
    select
        with_previous.*,
        home.home_district,
        case
            when with_previous.distance_miles_recorded is not null
                and with_previous.distance_miles_recorded <> cast(reference.setting('cla_placement_distance_unknown_miles') as double)
                then round(with_previous.distance_miles_recorded, 1)
            when with_previous.distance_miles_recorded is null and h.latitude is not null and p.latitude is not null
                then round(2 * 3958.8 * asin(sqrt(
                    pow(sin(radians(p.latitude - h.latitude) / 2), 2)
                    + cos(radians(h.latitude)) * cos(radians(p.latitude)) * pow(sin(radians(p.longitude - h.longitude) / 2), 2)
                )), 1)
        end as distance_miles,
        case
            when with_previous.distance_miles_recorded is not null
                and with_previous.distance_miles_recorded <> cast(reference.setting('cla_placement_distance_unknown_miles') as double)
                then 'extract'
            when with_previous.distance_miles_recorded is null and h.latitude is not null and p.latitude is not null
                then 'postcode_district'
            else 'unknown'
        end as distance_source
    from with_previous
    left join home using (placement_id)
    left join centroids as h on h.outward_code = home.home_district
    left join centroids as p on p.outward_code = with_previous.placement_district
)

select
    placement_id,
    person_id,
    period_of_care_id,
    start_date,
    end_date,
    placement_type_code,
    placement_sequence,
    is_same_carers,
    coalesce(end_date = start_date, false) as is_under_24_hours,
    placement_run,
    run_start_date,
    previous_run_start_date,
    coalesce(placement_type_code in ('A3', 'A4', 'A5', 'A6'), false) as is_adoption_placement,
    home_district,
    placement_district,
    distance_miles,
    distance_source,
    case
        when placement_district is null then null
        else not list_contains(string_split(reference.setting('cla_la_postcode_districts'), ','), placement_district)
    end as is_outside_la,
    distance_miles > reference.setting_int('cla_placement_distance_threshold_miles') as is_over_distance_threshold
from distanced
