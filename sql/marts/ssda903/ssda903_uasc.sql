/*
grain: one row per child in the return who has been an unaccompanied asylum-seeking child
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's UASC table (903 guidance: children looked after in the year who are or were UASC, with the
  date UASC status ceased): children with an episode in the year and an immigration status of
  unaccompanied asylum-seeking child (ssd_immigration_status) that began on or before 31 March. DUC, the
  date the status ceased, is the status's end date or the 18th birthday, whichever is first (UASC status
  ends at 18, rule 304), when on or before 31 March; blank while still UASC at 31 March. Care leavers not
  looked after in the year are not included (rule 1014).
columns:
  child: Child id (CHILD).
  sex: M, F or U (SEX).
  dob: Date of birth (DOB).
  duc: Date UASC status ceased (DUC).
tests:
  unique: [child]
  not_null: [child]
*/
with yr as (
    select * from marts.ssda903_year
),

children as (
    select distinct child from marts.ssda903_episodes
),

people as (
    select * from staging.stg_case__person
),

uasc as (
    select
        person_id,
        max(coalesce(end_date, date '9999-12-31')) as status_end
    from staging.stg_case__immigration_status
    cross join yr
    where is_uasc and start_date <= yr.year_end
    group by person_id
),

ceased as (
    select
        uasc.person_id,
        least(uasc.status_end, cast(people.date_of_birth + interval 18 year as date)) as duc
    from uasc
    inner join people using (person_id)
)

select
    children.child,
    people.sex,
    people.date_of_birth as dob,
    case when ceased.duc <= yr.year_end then ceased.duc end as duc
from children
cross join yr
inner join ceased on ceased.person_id = children.child
left join people on people.person_id = children.child
order by child
