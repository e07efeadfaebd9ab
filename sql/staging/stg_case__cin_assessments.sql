/*
grain: one row per child and family (single) assessment (ssd_cin_assessments)
definition: |
  Continuous assessments under Working Together. An assessment is complete when it is authorised; the
  authorisation date is the completion date DfE counts.
columns:
  assessment_id: Assessment id (cina_assessment_id).
  person_id: The child (cina_person_id).
  referral_id: The referral the assessment belongs to (cina_referral_id).
  start_date: Date the assessment started (cina_assessment_start_date).
  child_seen: True when the child was seen during the assessment (cina_assessment_child_seen).
  authorised_date: Date the assessment was authorised, i.e. completed (cina_assessment_auth_date); null while in progress.
  is_nfa: True when the assessment outcome was no further action (cina_assessment_outcome_nfa).
  team_id: Team responsible (cina_assessment_team).
  worker_id: Worker responsible (cina_assessment_worker_id).
tests:
  unique: [assessment_id]
  not_null: [assessment_id, person_id]
*/
select
    cina_assessment_id as assessment_id,
    cina_person_id as person_id,
    cina_referral_id as referral_id,
    cina_assessment_start_date as start_date,
    reference.yes_no(cina_assessment_child_seen) as child_seen,
    cina_assessment_auth_date as authorised_date,
    reference.yes_no(cina_assessment_outcome_nfa) as is_nfa,
    cina_assessment_team as team_id,
    cina_assessment_worker_id as worker_id
from lake.case__ssd_cin_assessments
