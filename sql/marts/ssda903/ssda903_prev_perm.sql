/*
grain: one row per child who started to be looked after in the collection year
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's PrevPerm table (903 guidance, "Previous permanence": for each child starting to be looked
  after in the year, whether they had previously been adopted or subject to a special guardianship or
  child arrangements order, the order's date and the authority that arranged it; Z1 when not known):
  children with an episode beginning in the year with RNE S, short breaks included (they start to be looked
  after too; rule 630), and the child's latest ssd_cla_previous_permanence record
  (intermediate.int_ssda903_previous_permanence, by record id) whose order date, where whole, is before the
  child's latest start in the year: a record made for a later period of care (an order after this year's
  start) is not this year's answer (rule 632: DATE_PERM before DECOM). LA_PERM is DfE's three-digit LA number: the authority's
  name as recorded is looked up in reference.lait_area_codes (DfE's area names); codes (301, WAL, SCO, NIR,
  NUK) pass through, and a name not found is written as recorded for the validator to show (rule 633). A
  child with no record is left blank for the team to complete: the SSD's absence of a record is not
  evidence of "not known".
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  prev_perm: Previous permanence option P1-P4, or Z1 not known (PREV_PERM).
  la_perm: Authority that arranged it (LA_PERM).
  date_perm: Date of the order (DATE_PERM).
tests:
  unique: [child]
  not_null: [child]
*/
with yr as (
    select * from marts.ssda903_year
),

starters as (
    select episodes.child, max(episodes.decom) as started
    from marts.ssda903_episodes as episodes
    cross join yr
    where episodes.rne = 'S' and episodes.decom >= yr.year_start
    group by episodes.child
),

previous as (
    select
        records.person_id,
        arg_max(records.prev_perm, records.previous_permanence_id) as prev_perm,
        arg_max(records.la_perm, records.previous_permanence_id) as la_perm,
        arg_max(records.date_perm, records.previous_permanence_id) as date_perm
    from intermediate.int_ssda903_previous_permanence as records
    inner join starters on starters.child = records.person_id
    where records.order_date is null or records.order_date < starters.started
    group by records.person_id
)

select
    starters.child,
    people.date_of_birth as dob,
    previous.prev_perm,
    coalesce(cast(areas.la_number as varchar), previous.la_perm) as la_perm,
    previous.date_perm
from starters
left join previous on previous.person_id = starters.child
left join reference.lait_area_codes as areas
    on areas.area_type = 'la' and lower(areas.area_name) = lower(trim(previous.la_perm))
left join staging.stg_case__person as people on people.person_id = starters.child
order by child
