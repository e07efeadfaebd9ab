/*
grain: one row per strengths and difficulties questionnaire (ssd_sdq_scores)
definition: |
  SDQ scores and reasons for no score, for the SSDA903 OC2 table. Placeholder until the ssd_sdq_scores
  staging model lands (branch ssd-data): no rows yet.
columns:
  person_id: The child.
  completed_date: Date the SDQ was completed (or the reason recorded).
  sdq_score: Total difficulties score 0-40.
  sdq_reason: Reason no score SDQ1-SDQ5.
*/
select cast(null as varchar) as person_id, cast(null as date) as completed_date,
    cast(null as integer) as sdq_score, cast(null as varchar) as sdq_reason
where false
