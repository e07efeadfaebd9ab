/*
grain: one row per child adopted (ceased to be looked after with reason E11/E12), per adoption
definition: |
  Adoption timeliness for children who ceased to be looked after through adoption (int_cla_periods_of_care,
  reason in setting cla_adoption_ceased_reasons), matched to their ssd_permanence record (same CLA id, else
  the child's latest adoption record dated within the period of care).
  - Days from entering care to being placed for adoption (DfE adoption scorecard A1 basis): calendar days
    from the start of the period of care to the date placed for adoption; for a child adopted by their
    foster carers, to the date first placed with those carers (perm_placed_foster_carer_date), as the
    scorecard does.
  - Days from placement order to match (scorecard A2 basis): calendar days from the placement order to
    being matched with the adopters.
  Either is null where a date is missing.
columns:
  period_of_care_id: The period of care that ended in adoption.
  person_id: The child.
  care_start_date: Date the child entered care.
  adopted_date: Date the child ceased to be looked after (adoption order).
  permanence_id: The matched ssd_permanence record, if any.
  placed_for_adoption_date: Date placed for adoption.
  placement_order_date: Date of the placement order.
  matched_date: Date matched to the adopters.
  is_adopted_by_carer: True when adopted by the child's foster carers.
  days_entered_care_to_placed: Days from entering care to being placed for adoption (or with the carers who adopted).
  days_placement_order_to_match: Days from placement order to match.
tests:
  unique: [period_of_care_id]
  not_null: [period_of_care_id, person_id, care_start_date, adopted_date]
*/
with adopted as (
    select * from intermediate.int_cla_periods_of_care
    where list_contains(string_split(reference.setting('cla_adoption_ceased_reasons'), ','), ceased_reason_code)
),

permanence as (
    select * from staging.stg_case__permanence
),

matched as (
    select
        adopted.period_of_care_id,
        arg_max(permanence.permanence_id,
            (case when permanence.cla_id = adopted.cla_id then 1 else 0 end) * 100000
            + coalesce(epoch(permanence.placed_for_adoption_date) / 86400, 0)) as permanence_id
    from adopted
    inner join permanence
        on permanence.person_id = adopted.person_id
        and (permanence.cla_id = adopted.cla_id
             or coalesce(permanence.placed_for_adoption_date, permanence.placement_order_date, permanence.adm_decision_date)
                between adopted.start_date and adopted.end_date)
    group by adopted.period_of_care_id
)

select
    adopted.period_of_care_id,
    adopted.person_id,
    adopted.start_date as care_start_date,
    adopted.end_date as adopted_date,
    permanence.permanence_id,
    permanence.placed_for_adoption_date,
    permanence.placement_order_date,
    permanence.matched_date,
    coalesce(permanence.is_adopted_by_carer, false) as is_adopted_by_carer,
    date_diff('day', adopted.start_date,
        case when permanence.is_adopted_by_carer and permanence.placed_foster_carer_date is not null
             then permanence.placed_foster_carer_date else permanence.placed_for_adoption_date end)
        as days_entered_care_to_placed,
    date_diff('day', permanence.placement_order_date, permanence.matched_date) as days_placement_order_to_match
from adopted
left join matched using (period_of_care_id)
left join permanence using (permanence_id)
