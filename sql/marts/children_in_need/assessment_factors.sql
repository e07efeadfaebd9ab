/*
grain: one row per reporting period and factor code recorded at the end of a completed assessment in it
definition: |
  Factors identified at the end of assessment (DfE CIN census; kpi_definitions 1.1), ranked by share, so the
  pack can show the top factors for any month or year.
  - Numerator: completed assessments (authorised in the period) recording the factor code; an assessment
    counts once per code however many times the code was sent.
  - Denominator (unverified; setting assessment_factors_denominator_with_factors_only = 1): completed
    assessments in the period with factor information (at least one code, 21 "no factors" included); with 0,
    all completed assessments. Shares of one period add up to more than 100%: an assessment records several.
  - factor_rank: 1 for the most common code in the period (ties share a rank); 21 ("no factors") and 20
    ("other") are ranked with the rest so the reader sees them.
  - The "any domestic abuse" share (3A/3B/3C counted once) is in marts.domestic_abuse_in_assessments.
  Source: intermediate.int_assessment_factors_unnested and int_assessment_factors_by_assessment.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  factor_code: CIN census factor code.
  factor_description: Short description of the factor (CIN census code set; the code itself when not listed).
  assessments_with_factor: Completed assessments in the period recording the code.
  assessments_in_denominator: Completed assessments in the period in the denominator.
  share_pct: assessments_with_factor as a % of assessments_in_denominator, 1 dp.
  factor_rank: Rank of the code by assessments_with_factor within the period (1 = most common).
tests:
  unique: [period_type, period_label, factor_code]
  not_null: [factor_code, factor_description, assessments_with_factor, assessments_in_denominator, factor_rank]
*/
with periods as (
    select period_type, period_label, period_start, period_end from reference.reporting_periods
),

assessments as (
    select * from intermediate.int_assessment_factors_by_assessment
    where in_factor_denominator
),

factors as (
    select * from intermediate.int_assessment_factors_unnested
),

descriptions as (
    select * from (values
        ('1A', 'Alcohol misuse: child'), ('1B', 'Alcohol misuse: parent/carer'),
        ('1C', 'Alcohol misuse: other person in household'),
        ('2A', 'Drug misuse: child'), ('2B', 'Drug misuse: parent/carer'),
        ('2C', 'Drug misuse: other person in household'),
        ('3A', 'Domestic abuse: child the subject'), ('3B', 'Domestic abuse: parent/carer the subject'),
        ('3C', 'Domestic abuse: other person in household the subject'),
        ('4A', 'Mental health: child'), ('4B', 'Mental health: parent/carer'),
        ('4C', 'Mental health: other person in household'),
        ('5A', 'Learning disability: child'), ('5B', 'Learning disability: parent/carer'),
        ('5C', 'Learning disability: other person in household'),
        ('6A', 'Physical disability or illness: child'), ('6B', 'Physical disability or illness: parent/carer'),
        ('6C', 'Physical disability or illness: other person in household'),
        ('7A', 'Young carer'),
        ('8B', 'Privately fostered: overseas, intend to return'), ('8C', 'Privately fostered: overseas, intend to stay'),
        ('8D', 'Privately fostered: UK, educational placement'), ('8E', 'Privately fostered: UK, family arrangement'),
        ('8F', 'Privately fostered: other'),
        ('9A', 'Unaccompanied asylum-seeking child'), ('10A', 'Going/being missing'),
        ('11A', 'Child sexual exploitation'), ('12A', 'Trafficking'), ('13A', 'Gangs'),
        ('14A', 'Socially unacceptable behaviour'), ('15A', 'Self-harm'),
        ('16A', 'Abuse or neglect: neglect'), ('17A', 'Abuse or neglect: emotional abuse'),
        ('18B', 'Abuse or neglect: physical abuse, child on child'),
        ('18C', 'Abuse or neglect: physical abuse, adult on child'),
        ('19B', 'Abuse or neglect: sexual abuse, child on child'),
        ('19C', 'Abuse or neglect: sexual abuse, adult on child'),
        ('20', 'Other'), ('21', 'No factors identified'), ('22A', 'Female genital mutilation'),
        ('23A', 'Abuse linked to faith or belief'), ('24A', 'Child criminal exploitation')
    ) as d(factor_code, factor_description)
),

denominators as (
    select periods.period_type, periods.period_label, count(assessments.assessment_id) as assessments_in_denominator
    from periods
    left join assessments on assessments.authorised_date between periods.period_start and periods.period_end
    group by all
),

numerators as (
    select periods.period_type, periods.period_label, factors.factor_code,
        count(distinct assessments.assessment_id) as assessments_with_factor
    from periods
    inner join assessments on assessments.authorised_date between periods.period_start and periods.period_end
    inner join factors using (assessment_id)
    group by all
)

select
    numerators.period_type,
    numerators.period_label,
    numerators.factor_code,
    coalesce(descriptions.factor_description, numerators.factor_code) as factor_description,
    numerators.assessments_with_factor,
    denominators.assessments_in_denominator,
    reference.pct(numerators.assessments_with_factor, denominators.assessments_in_denominator)
        as share_pct,
    rank() over (partition by numerators.period_type, numerators.period_label
        order by numerators.assessments_with_factor desc) as factor_rank
from numerators
inner join denominators using (period_type, period_label)
left join descriptions using (factor_code)
order by numerators.period_type, numerators.period_label, factor_rank, numerators.factor_code
