/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Domestic abuse recorded at the end of assessment (DfE CIN census factors; kpi_definitions 1.1).
  - Numerator: completed assessments (authorisation date in the period) with domestic abuse recorded under
    ANY of its codes: 3A (the child the subject), 3B (a parent/carer), 3C (another household member). An
    assessment recording two or three of them counts once.
  - Denominator (unverified; setting assessment_factors_denominator_with_factors_only = 1): completed
    assessments in the period with factor information, i.e. at least one factor code recorded (21 "no
    factors identified" counts as information). With the setting at 0: all completed assessments.
  - Counts by code (3A/3B/3C) do not add up to the numerator when an assessment records more than one.
  Source: intermediate.int_assessment_factors_by_assessment (the list of assessments behind every count).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  assessments_completed: Assessments authorised in the period.
  assessments_with_factors: Of those, assessments with at least one factor code recorded.
  assessments_in_denominator: The denominator of the share (see definition).
  assessments_domestic_abuse: Assessments in the denominator with any domestic-abuse code (each assessment once).
  domestic_abuse_pct: assessments_domestic_abuse as a % of assessments_in_denominator, 1 dp.
  assessments_da_child_3a: Assessments recording 3A.
  assessments_da_parent_3b: Assessments recording 3B.
  assessments_da_other_3c: Assessments recording 3C.
  assessments_da_two_or_more_codes: Assessments recording more than one domestic-abuse code.
tests:
  unique: [period_type, period_label]
  not_null: [assessments_completed, assessments_in_denominator, assessments_domestic_abuse]
*/
with periods as (
    select * from reference.reporting_periods
),

assessments as (
    select * from intermediate.int_assessment_factors_by_assessment
),

counts as (
    select
        periods.period_type,
        periods.period_label,
        count(a.assessment_id) as assessments_completed,
        count(a.assessment_id) filter (where a.has_factor_record) as assessments_with_factors,
        count(a.assessment_id) filter (where a.in_factor_denominator) as assessments_in_denominator,
        count(a.assessment_id) filter (where a.in_factor_denominator and a.has_domestic_abuse)
            as assessments_domestic_abuse,
        count(a.assessment_id) filter (where a.in_factor_denominator and a.domestic_abuse_codes like '%3A%')
            as assessments_da_child_3a,
        count(a.assessment_id) filter (where a.in_factor_denominator and a.domestic_abuse_codes like '%3B%')
            as assessments_da_parent_3b,
        count(a.assessment_id) filter (where a.in_factor_denominator and a.domestic_abuse_codes like '%3C%')
            as assessments_da_other_3c,
        count(a.assessment_id) filter (where a.in_factor_denominator and a.domestic_abuse_codes like '%,%')
            as assessments_da_two_or_more_codes
    from periods
    left join assessments as a on a.authorised_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    counts.assessments_completed,
    counts.assessments_with_factors,
    counts.assessments_in_denominator,
    counts.assessments_domestic_abuse,
    reference.pct(counts.assessments_domestic_abuse, counts.assessments_in_denominator)
        as domestic_abuse_pct,
    counts.assessments_da_child_3a,
    counts.assessments_da_parent_3b,
    counts.assessments_da_other_3c,
    counts.assessments_da_two_or_more_codes
from periods
inner join counts using (period_type, period_label)
order by periods.period_type, periods.period_start
