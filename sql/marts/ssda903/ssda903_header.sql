/*
grain: one row per child in the SSDA903 return for the collection year (marts.ssda903_year)
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's Header table: every child with an episode open in the year (marts.ssda903_episodes) and
  every care leaver in the year's OC3 cohort (marts.ssda903_oc3), once each (903 guidance: "a header
  record for each child included in the return").
  - SEX M/F/U (from 2024-25), DOB, ETHNIC as the case system records them.
  - UPN: the child's unique pupil number from ssd_linked_identifiers (intermediate.int_ssda903_upns); when
    there is none, the reason code DfE asks for instead (UN1-UN10, pers_upn_unknown); blank when the case
    system holds neither (rule 442 then shows the child), never invented.
  - MOTHER (1/0) and MC_DOB (date of birth of her first child, ssd_mother): for girls looked after in the
    year other than under short breaks only (903 guidance: not required for V3/V4 or for care leavers not
    looked after in the year, rules 399 and 628); 1 when she had a child while looked after, born on or
    before 31 March or, if she left care in the year, on or before the day she left (rule 625: MC_DOB not
    after the year's end or the date she ceased to be looked after), and MC_DOB that first child's date of
    birth. A baby born after she left care is not reported on her return for that year.
columns:
  child: Child id (CHILD).
  sex: M, F or U (SEX).
  dob: Date of birth (DOB).
  ethnic: Ethnicity code (ETHNIC).
  upn: Unique pupil number (UPN).
  mother: 1 when the child is a mother, 0 when not; blank when not asked (MOTHER).
  mc_dob: Date of birth of her first child (MC_DOB).
tests:
  unique: [child]
  not_null: [child]
*/
with yr as (
    select * from marts.ssda903_year
),

episodes as (
    select * from marts.ssda903_episodes
),

looked_after as (
    select
        child,
        bool_and(is_short_break) as short_breaks_only,
        -- the day she left care in the year; the year's end while still looked after
        case when bool_or(dec is null) then null else max(dec) end as left_care
    from episodes
    group by child
),

children as (
    select child, short_breaks_only, true as looked_after_in_year from looked_after
    union all
    select child, false, false from marts.ssda903_oc3
    where child not in (select child from looked_after)
),

people as (
    select * from staging.stg_case__person
),

upns as (
    select * from intermediate.int_ssda903_upns
),

first_child as (
    select mother.person_id, min(mother.child_date_of_birth) as mc_dob
    from staging.stg_case__mother as mother
    cross join yr
    left join looked_after on looked_after.child = mother.person_id
    where mother.child_date_of_birth <= coalesce(looked_after.left_care, yr.year_end)
    group by mother.person_id
)

select
    children.child,
    people.sex,
    people.date_of_birth as dob,
    people.ethnicity_code as ethnic,
    coalesce(upns.upn, people.upn_unknown_code) as upn,
    case
        when people.sex = 'F' and children.looked_after_in_year and not children.short_breaks_only
            then case when first_child.mc_dob is not null then 1 else 0 end
    end as mother,
    case
        when people.sex = 'F' and children.looked_after_in_year and not children.short_breaks_only
            then first_child.mc_dob
    end as mc_dob
from children
left join people on people.person_id = children.child
left join upns on upns.person_id = children.child
left join first_child on first_child.person_id = children.child
order by children.child
