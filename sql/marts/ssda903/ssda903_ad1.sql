/*
grain: one row per child adopted in the collection year
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's AD1 table (903 guidance, "Adoptions": children who ceased to be looked after in the year
  because they were adopted, REC E11 or E12): the date of the decision that the child should be placed
  for adoption (DATE_INT) and of matching with the adopters (DATE_MATCH) from ssd_permanence (the decision
  behind the adoption: the latest made on or before the adoption), and FOSTER_CARE 1 when adopted by their
  foster carer(s) (perm_adopted_by_carer_flag).
  NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR describe the adopters, from the same ssd_permanence record
  (perm_number_of_adopters, perm_adopter_sex, perm_adopter_legal_status); where the case system holds none
  they stay blank for the adoption team to add, never invented.
columns:
  child: Child id (CHILD).
  dob: Date of birth (DOB).
  date_int: Date of the decision that the child should be placed for adoption (DATE_INT).
  date_match: Date matched with the adopters (DATE_MATCH).
  foster_care: 1 adopted by former foster carer(s), 0 not (FOSTER_CARE).
  nb_adoptr: Number of adopters (NB_ADOPTR).
  sex_adoptr: Sex of the adopters (SEX_ADOPTR).
  ls_adoptr: Legal status of the adopters (LS_ADOPTR).
tests:
  unique: [child]
  not_null: [child]
*/
with adopted as (
    select child, max(dec) as adopted_on
    from marts.ssda903_episodes
    where rec in ('E11', 'E12')
    group by child
),

decisions as (
    select
        adopted.child,
        arg_max(permanence.adm_decision_date, permanence.adm_decision_date) as date_int,
        arg_max(permanence.matched_date, permanence.adm_decision_date) as date_match,
        arg_max(permanence.is_adopted_by_carer, permanence.adm_decision_date) as by_carer,
        arg_max(permanence.number_of_adopters, permanence.adm_decision_date) as nb_adoptr,
        arg_max(permanence.adopter_sex, permanence.adm_decision_date) as sex_adoptr,
        arg_max(permanence.adopter_legal_status, permanence.adm_decision_date) as ls_adoptr
    from adopted
    inner join staging.stg_case__permanence as permanence
        on permanence.person_id = adopted.child
        and permanence.adm_decision_date <= adopted.adopted_on
    group by adopted.child
)

select
    adopted.child,
    people.date_of_birth as dob,
    decisions.date_int,
    decisions.date_match,
    case decisions.by_carer when true then 1 when false then 0 end as foster_care,
    decisions.nb_adoptr,
    decisions.sex_adoptr,
    decisions.ls_adoptr
from adopted
left join decisions using (child)
left join staging.stg_case__person as people on people.person_id = adopted.child
order by child
