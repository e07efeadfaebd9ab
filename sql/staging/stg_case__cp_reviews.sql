/*
grain: one row per child protection review conference (ssd_cp_reviews)
definition: |
  Review conferences of child protection plans, renamed and typed. A review with no review date has not
  been held (only its due date is known).
columns:
  cp_review_id: Review id (cppr_cp_review_id).
  person_id: The child (cppr_person_id).
  cp_plan_id: The plan reviewed (cppr_cp_plan_id).
  due_date: Date the review was due, as the case system recorded it (cppr_cp_review_due).
  review_date: Date the review conference was held (cppr_cp_review_date); null if not held.
  meeting_id: Review meeting id (cppr_cp_review_meeting_id).
  plan_continues: True when the review decided the plan continues (cppr_cp_review_outcome_continue_cp).
  is_quorate: True when the conference was quorate (cppr_cp_review_quorate).
  participation_code: Child's participation at the review, PN0-PN7 (cppr_cp_review_participation).
tests:
  unique: [cp_review_id]
  not_null: [cp_review_id, cp_plan_id]
*/
select
    cppr_cp_review_id as cp_review_id,
    cppr_person_id as person_id,
    cppr_cp_plan_id as cp_plan_id,
    cppr_cp_review_due as due_date,
    cppr_cp_review_date as review_date,
    cppr_cp_review_meeting_id as meeting_id,
    reference.yes_no(cppr_cp_review_outcome_continue_cp) as plan_continues,
    reference.yes_no(cppr_cp_review_quorate) as is_quorate,
    cppr_cp_review_participation as participation_code
from lake.case__ssd_cp_reviews
