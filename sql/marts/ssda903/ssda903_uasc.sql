/*
grain: one row per child in the return who has been an unaccompanied asylum-seeking child
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's UASC table (903 guidance: children looked after in the year who were unaccompanied
  asylum-seeking children at any time in it, with the date UASC status ceased): children with an episode in
  the year and an immigration status of unaccompanied asylum-seeking child (ssd_immigration_status) that
  began on or before 31 March, whose 18th birthday is on or after 1 April (UASC status ends at 18: rule 304;
  a date before the year is invalid: rule 104). DUC is the 18th birthday, the day the status ceases, even
  when it falls after 31 March: DfE's year-on-year check (rule 205B) expects the same date both years. Care
  leavers not looked after in the year are not included (rule 1014).
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
    select distinct person_id
    from staging.stg_case__immigration_status
    cross join yr
    where is_uasc and start_date <= yr.year_end
)

select
    children.child,
    people.sex,
    people.date_of_birth as dob,
    cast(people.date_of_birth + interval 18 year as date) as duc
from children
cross join yr
inner join uasc on uasc.person_id = children.child
inner join people on people.person_id = children.child
where cast(people.date_of_birth + interval 18 year as date) >= yr.year_start
order by child
