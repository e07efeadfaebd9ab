/*
grain: one row per completed (authorised) assessment
definition: |
  The assessments behind every assessment-factor share. An assessment is completed on its authorisation
  date (intermediate.int_assessments_timed). DfE reports factors as a share of assessment episodes with
  factor information (kpi_definitions 1.1, denominator marked unverified): with setting
  assessment_factors_denominator_with_factors_only = 1 the denominator is completed assessments with at
  least one factor code recorded (21, "no factors identified", is information); with 0 it is every completed
  assessment. Domestic abuse recorded = any of 3A, 3B, 3C; an assessment with two or three of them counts
  once (has_domestic_abuse), as DfE counts a child-episode once for "any domestic abuse".
columns:
  assessment_id: The assessment.
  person_id: The child.
  authorised_date: Date the assessment was authorised (completed).
  factor_count: Number of distinct factor codes recorded.
  has_factor_record: True when at least one factor code is recorded.
  in_factor_denominator: True when the assessment counts in the denominator of factor shares (see the setting).
  has_domestic_abuse: True when any of 3A, 3B, 3C is recorded.
  domestic_abuse_codes: The domestic-abuse codes recorded, comma-separated (3A,3B), null if none.
tests:
  unique: [assessment_id]
  not_null: [authorised_date, factor_count, has_factor_record, in_factor_denominator, has_domestic_abuse]
*/
with assessments as (
    select assessment_id, person_id, authorised_date from intermediate.int_assessments_timed
),

factors as (
    select * from intermediate.int_assessment_factors_unnested
),

per_assessment as (
    select
        assessment_id,
        count(*) as factor_count,
        bool_or(is_domestic_abuse) as has_domestic_abuse,
        string_agg(factor_code, ',' order by factor_code) filter (where is_domestic_abuse) as domestic_abuse_codes
    from factors
    group by assessment_id
)

select
    assessments.assessment_id,
    assessments.person_id,
    assessments.authorised_date,
    coalesce(per_assessment.factor_count, 0) as factor_count,
    per_assessment.assessment_id is not null as has_factor_record,
    per_assessment.assessment_id is not null
        or reference.setting_int('assessment_factors_denominator_with_factors_only') = 0 as in_factor_denominator,
    coalesce(per_assessment.has_domestic_abuse, false) as has_domestic_abuse,
    per_assessment.domestic_abuse_codes
from assessments
left join per_assessment using (assessment_id)
