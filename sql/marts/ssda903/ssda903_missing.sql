/*
grain: one row per missing or away-from-placement episode of a looked-after child open in the collection year
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's Missing table (903 guidance: "episodes when a looked after child was missing or away from
  placement without authorisation" during the year): episodes (ssd_missing) that began while the child was
  looked after (inside a period of care other than short breaks, intermediate.int_ssda903_episodes) and were
  open at any time between 1 April and 31 March. MISSING is M (missing) or A (away without authorisation);
  MIS_END is blank when the episode had not ended by 31 March. Missing episodes of children who were not
  looked after at the time are not part of this return.
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  missing: M missing, A away from placement without authorisation (MISSING).
  mis_start: Date the episode began (MIS_START).
  mis_end: Date the episode ended (MIS_END).
tests:
  not_null: [child, mis_start]
*/
with yr as (
    select * from marts.ssda903_year
),

children as (
    select distinct child from marts.ssda903_episodes
),

care as (
    select person_id, period_start, max(coalesce(dec, date '9999-12-31')) as period_end
    from intermediate.int_ssda903_episodes
    where not is_short_break
    group by person_id, period_number, period_start
),

missing as (
    select
        person_id,
        cast(started_at as date) as mis_start,
        cast(ended_at as date) as mis_end,
        case episode_kind when 'missing' then 'M' when 'away' then 'A' end as missing
    from staging.stg_case__missing
    where started_at is not null
)

select
    missing.person_id as child,
    people.date_of_birth as dob,
    missing.missing,
    missing.mis_start,
    case when missing.mis_end <= yr.year_end then missing.mis_end end as mis_end
from missing
cross join yr
inner join children on children.child = missing.person_id
left join staging.stg_case__person as people using (person_id)
where missing.mis_start <= yr.year_end
  and (missing.mis_end is null or missing.mis_end >= yr.year_start)
  and exists (
      select 1 from care
      where care.person_id = missing.person_id
        and care.period_start <= missing.mis_start
        and care.period_end >= missing.mis_start
  )
order by child, mis_start
