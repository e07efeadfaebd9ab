/*
grain: one row per assessment in the CIN census
materialized: view
definition: |
  Assessments module (DfE CIN census guide): every assessment of a census episode (marts.cin_census_children)
  that was completed (authorised) during the year, or still open at the as-at date. An assessment authorised
  before 1 April belongs to an earlier census and is left out (DfE rule 8696: the authorisation date falls in
  the census year); one started after the as-at date has not happened yet. An authorisation after the as-at
  date reads as not yet authorised.
  - FactorsIdentifiedAtAssessment: the factor codes recorded at the end of a completed assessment
    (intermediate.int_assessment_factors_unnested), only once it is authorised (DfE rule 8614); a completed
    assessment with none recorded is sent without them (rule 8897Q reports it).
  Source: staging.stg_case__cin_assessments.
columns:
  assessment_id: The assessment (not sent to DfE).
  referral_id: The CIN episode it belongs to.
  child_id: LAchildID.
  start_date: AssessmentActualStartDate.
  authorised_date: AssessmentAuthorisationDate, if on or before the as-at date.
  factor_codes: AssessmentFactors, sorted (empty until authorised).
  is_authorised_in_year: Authorised in the year up to the as-at date.
tests:
  unique: [assessment_id]
  not_null: [referral_id, child_id, start_date, is_authorised_in_year]
*/
with window_ as (
    select * from marts.cin_census_window
),

census_episodes as (
    select referral_id, child_id from marts.cin_census_children
),

assessments as (
    select
        assessments.assessment_id,
        assessments.referral_id,
        census_episodes.child_id,
        assessments.start_date,
        case when assessments.authorised_date <= window_.as_at_date then assessments.authorised_date end
            as authorised_date,
        window_.year_start
    from staging.stg_case__cin_assessments as assessments
    inner join census_episodes on census_episodes.referral_id = assessments.referral_id
    cross join window_
    where assessments.start_date <= window_.as_at_date
      and (assessments.authorised_date is null
           or assessments.authorised_date >= window_.year_start)
),

factors as (
    select assessment_id, list(factor_code order by factor_code) as factor_codes
    from intermediate.int_assessment_factors_unnested
    group by assessment_id
)

select
    assessments.assessment_id,
    assessments.referral_id,
    assessments.child_id,
    assessments.start_date,
    assessments.authorised_date,
    case when assessments.authorised_date is not null then coalesce(factors.factor_codes, []) else [] end
        as factor_codes,
    assessments.authorised_date is not null as is_authorised_in_year
from assessments
left join factors on factors.assessment_id = assessments.assessment_id
