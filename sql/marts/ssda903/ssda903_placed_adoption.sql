/*
grain: one row per decision that a child in the return should be placed for adoption
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's PlacedAdoption table (903 guidance, "Children who have been placed for adoption": for
  children looked after in the year, the date of the decision that the child should be placed for adoption
  and, where that decision was reversed, its date and reason RD1-RD4): the adoption decisions
  (ssd_permanence) made on or before 31 March of children with an episode in the year, other than
  decisions reversed before 1 April. A reversal after 31 March is not shown.
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  date_placed: Date of the decision that the child should be placed for adoption (DATE_PLACED).
  date_placed_ceased: Date that decision was reversed (DATE_PLACED_CEASED).
  reason_placed_ceased: Reason it was reversed, RD1-RD4 (REASON_PLACED_CEASED).
tests:
  not_null: [child, date_placed]
*/
with yr as (
    select * from marts.ssda903_year
),

children as (
    select distinct child from marts.ssda903_episodes
),

decisions as (
    select * from staging.stg_case__permanence where adm_decision_date is not null
)

select
    decisions.person_id as child,
    people.date_of_birth as dob,
    decisions.adm_decision_date as date_placed,
    case when decisions.decision_reversed_date <= yr.year_end then decisions.decision_reversed_date end
        as date_placed_ceased,
    case when decisions.decision_reversed_date <= yr.year_end then decisions.decision_reversed_reason end
        as reason_placed_ceased
from decisions
cross join yr
inner join children on children.child = decisions.person_id
left join staging.stg_case__person as people using (person_id)
where decisions.adm_decision_date <= yr.year_end
  and (decisions.decision_reversed_date is null or decisions.decision_reversed_date >= yr.year_start)
order by child, date_placed
