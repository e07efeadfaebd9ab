/*
grain: one row per care leaver whose 17th to 21st birthday falls in the collection year
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's OC3 table (903 guidance, "Care leavers": young people who were looked after for at least
  13 weeks after their 14th birthday including some time after their 16th, whose 17th, 18th, 19th, 20th or
  21st birthday falls in the year, with their status around that birthday). The cohort and the record taken
  for the birthday are the care leaver indicators' own (intermediate.int_care_leavers_birthdays), so the
  return and the indicators count the same young people.
  - Not in OC3: a young person whose last period of care ended with REC E3 (transferred to residential care
    funded by adult social services). DfE's rule 1011 says their care-leaver items are not provided, and
    rule 131 requires IN_TOUCH on every OC3 row, so the return has no OC3 row for them. The care leaver
    indicators still count them; the reconciliation test names this as the only difference.
  - IN_TOUCH YES, NO, DIED, REFU, NREQ, RHOM as recorded; blank when there is no record around the
    birthday (a gap for the team to fill, not guessed).
  - ACTIV and ACCOM as recorded, ACCOM being the accommodation letter followed by 1 (suitable) or 2
    (unsuitable). Not completed for a young person who has died or returned home for 6 months or more
    (DIED, RHOM: rule 344). When the authority is not in touch (NO, REFU, NREQ) and the record carries no
    activity, or an accommodation without its suitability, the item is 0, DfE's "not known".
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  in_touch: In touch around the birthday (IN_TOUCH).
  activ: Main activity (ACTIV).
  accom: Accommodation and its suitability (ACCOM).
  birthday_age: Which birthday (17-21; not a column of the return).
tests:
  unique: [child]
  not_null: [child]
*/
with yr as (
    select * from marts.ssda903_year
),

-- young people whose care ended in adult social services' residential care (E3): no OC3 row (rules 1011, 131)
to_adult_care as (
    select person_id
    from intermediate.int_ssda903_episodes
    group by person_id
    having arg_max(rec, decom) = 'E3'
),

cohort as (
    select birthdays.*
    from intermediate.int_care_leavers_birthdays as birthdays
    inner join yr on birthdays.financial_year = yr.collection_year
    where birthdays.person_id not in (select person_id from to_adult_care)
),

records as (
    select * from staging.stg_case__care_leavers
),

people as (
    select * from staging.stg_case__person
)

select
    cohort.person_id as child,
    people.date_of_birth as dob,
    case when cohort.in_touch_code <> 'NO RECORD' then cohort.in_touch_code end as in_touch,
    case
        when records.care_leaver_record_id is null or cohort.in_touch_code in ('DIED', 'RHOM') then null
        when records.activity_code is not null then records.activity_code
        when cohort.in_touch_code <> 'YES' then '0'
    end as activ,
    case
        when records.care_leaver_record_id is null or cohort.in_touch_code in ('DIED', 'RHOM') then null
        when records.accommodation_code = '0' then '0'
        when records.accommodation_code is not null and records.is_accommodation_suitable is not null
            then records.accommodation_code || case when records.is_accommodation_suitable then '1' else '2' end
        when cohort.in_touch_code <> 'YES' then '0'
        else records.accommodation_code
    end as accom,
    cohort.birthday_age
from cohort
left join records using (care_leaver_record_id)
left join people on people.person_id = cohort.person_id
order by child
