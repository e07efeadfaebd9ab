/*
grain: one row per Strengths and Difficulties Questionnaire record (ssd_sdq_scores)
definition: |
  SDQ results of looked-after children (SSD ssd_sdq_scores; SSDA903 OC2 SDQ_SCORE and SDQ_REASON), renamed and
  typed. DfE: "A single score (0-40), or a reason for the score not being returned is required for each child
  looked after continuously for at least 12 months aged 4-16 on the date of the last assessment." The score is
  the carer's total difficulties score, a whole number 0 to 40; the SSD sends it as text, so sdq_score holds it
  only when it is one (a data test lists any other value). Reasons: SDQ1 aged under 4 or over 16 at the
  assessment, SDQ2 carer(s) refused, SDQ3 the child's disability too severe, SDQ4 other, SDQ5 the child or young
  person refused.
columns:
  sdq_id: SDQ record id (csdq_table_id).
  person_id: The child (csdq_person_id).
  completed_date: Date the questionnaire was completed (csdq_sdq_completed_date).
  sdq_score: Total difficulties score 0-40, when a whole number in that range was sent (csdq_sdq_score).
  sdq_score_raw: The score as sent.
  sdq_reason: Reason no score was returned, upper-cased (csdq_sdq_reason), SDQ1-SDQ5.
  has_score: True when a valid score was returned.
tests:
  unique: [sdq_id]
  not_null: [sdq_id, person_id, has_score]
*/
with scores as (
    select
        *,
        try_cast(nullif(trim(csdq_sdq_score), '') as integer) as score_int
    from lake.case__ssd_sdq_scores
)

select
    csdq_table_id as sdq_id,
    csdq_person_id as person_id,
    csdq_sdq_completed_date as completed_date,
    case when score_int between 0 and 40 then score_int end as sdq_score,
    csdq_sdq_score as sdq_score_raw,
    upper(nullif(trim(csdq_sdq_reason), '')) as sdq_reason,
    coalesce(score_int between 0 and 40, false) as has_score
from scores
