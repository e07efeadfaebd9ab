/*
grain: one row per agency decision that a child should be placed for adoption, live at some time in the Annex A window
definition: |
  Annex A List 10 (adoption: children). Who is on it: every child with an agency decision that they should
  be placed for adoption (ssd_permanence adm_decision_date) on or before the as-at date, unless, before
  window_start, they were adopted (their period of care ceased with an adoption, int_permanence_adoptions)
  or the decision was reversed. So children awaiting adoption at the as-at date, and those adopted or whose
  plan changed in the window, are listed; one row per decision. Dates after the as-at date are not shown.
  - Date the child entered care: start of the period of care in which the decision was made (else the
    latest before it).
  - Family identifier: not held in the SSD (blank).
columns:
  permanence_id: Permanence record id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  family_id: Family identifier (not held; blank).
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  has_disability: Disability recorded (null = unknown).
  care_start_date: Date the child entered care.
  decision_date: Date of decision that the child should be placed for adoption.
  placement_order_date: Date of placement order.
  matched_date: Date of matching child and prospective adopters.
  placed_for_adoption_date: Date placed for adoption.
  adoption_order_date: Date of adoption order.
  decision_reversed_date: Date of decision that the child should no longer be placed for adoption.
  decision_reversed_reason: Reason no longer placed for adoption, as recorded.
  placed_ffa_date: Date placed for fostering in an FFA or concurrent planning placement.
tests:
  unique: [permanence_id]
  not_null: [child_id, decision_date]
*/
with window_ as (
    select * from marts.annex_a_window
),

decisions as (
    select decisions.*, window_.as_at_date, window_.window_start
    from staging.stg_case__permanence as decisions
    cross join window_
    where decisions.adm_decision_date <= window_.as_at_date
),

adopted as (
    select person_id, min(adopted_date) as adopted_date
    from intermediate.int_permanence_adoptions
    group by person_id
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

care_start as (
    select decisions.permanence_id, max(care.start_date) as care_start_date
    from decisions
    inner join care on care.person_id = decisions.person_id and care.start_date <= decisions.adm_decision_date
    group by decisions.permanence_id
),

live as (
    select decisions.*, adopted.adopted_date
    from decisions
    left join adopted
        on adopted.person_id = decisions.person_id and adopted.adopted_date >= decisions.adm_decision_date
    where (adopted.adopted_date is null or adopted.adopted_date >= decisions.window_start)
      and (decisions.decision_reversed_date is null or decisions.decision_reversed_date >= decisions.window_start)
),

children as (
    select * from marts.annex_a_children
)

select
    live.permanence_id,
    live.person_id as child_id,
    cast(null as varchar) as family_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    children.has_disability,
    care_start.care_start_date,
    live.adm_decision_date as decision_date,
    case when live.placement_order_date <= live.as_at_date then live.placement_order_date end as placement_order_date,
    case when live.matched_date <= live.as_at_date then live.matched_date end as matched_date,
    case when live.placed_for_adoption_date <= live.as_at_date then live.placed_for_adoption_date end as placed_for_adoption_date,
    case when live.adopted_date <= live.as_at_date then live.adopted_date end as adoption_order_date,
    case when live.decision_reversed_date <= live.as_at_date then live.decision_reversed_date end as decision_reversed_date,
    case when live.decision_reversed_date <= live.as_at_date then live.decision_reversed_reason end as decision_reversed_reason,
    case when live.placed_ffa_cp_date <= live.as_at_date then live.placed_ffa_cp_date end as placed_ffa_date
from live
left join children on children.child_id = live.person_id
left join care_start on care_start.permanence_id = live.permanence_id
order by live.adm_decision_date, live.permanence_id
