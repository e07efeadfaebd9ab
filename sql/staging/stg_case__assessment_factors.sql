/*
grain: one row per assessment factors record (ssd_assessment_factors)
definition: |
  Factors identified at the end of an assessment, as sent: one record per assessment (normally) holding the
  factor codes (CIN census 1A-24A) in one column. The SSD sends a JSON array (["1A", "3B"]) today and plans a
  JSON object ({"1A": "Yes", "3B": "No"}); some systems send one code per row or a delimited list. The
  codes are split out in intermediate.int_assessment_factors_unnested, which reads every one of those forms.
columns:
  factors_record_id: Row id (cinf_table_id).
  assessment_id: The assessment (cinf_assessment_id).
  factors_raw: The factor code(s) as sent (cinf_assessment_factors_json).
tests:
  unique: [factors_record_id]
  not_null: [factors_record_id, assessment_id]
*/
select
    cinf_table_id as factors_record_id,
    cinf_assessment_id as assessment_id,
    cinf_assessment_factors_json as factors_raw
from lake.case__ssd_assessment_factors
