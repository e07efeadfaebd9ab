/*
grain: one row per strengths and difficulties questionnaire (ssd_sdq_scores)
definition: |
  SDQ scores and reasons for no score, for the SSDA903 OC2 table (staging.stg_case__sdq_scores). A score
  sent that is not a whole number 0-40 is kept as missing here (its staging test lists it).
columns:
  person_id: The child.
  completed_date: Date the SDQ was completed (or the reason recorded).
  sdq_score: Total difficulties score 0-40.
  sdq_reason: Reason no score SDQ1-SDQ5.
*/
select person_id, completed_date, sdq_score, sdq_reason
from staging.stg_case__sdq_scores
