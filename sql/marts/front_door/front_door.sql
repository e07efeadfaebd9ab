/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  The front door: referrals, re-referrals and assessments (DfE children in need census definitions;
  ../shared/reference/kpi_definitions.md 1.1).
  - Referrals: referrals received in the period; a child referred twice counts twice.
  - Referral rate per 10,000: referrals / ONS population aged 0-17 for the financial year x 10,000, to 1 dp.
    For a month this is the month's referrals over the same population, not annualised.
  - Re-referrals within 12 months (%): referrals in the period received within 12 months of the same child's
    previous referral / all referrals in the period (intermediate.int_referrals_sequenced). Lower is better.
  - Referrals resulting in NFA (%): referrals in the period flagged no further action / all referrals.
  - Assessments completed: assessments authorised in the period (authorisation date in the period).
  - Within 45 working days (%): completed assessments authorised within 45 working days of the referral /
    completed assessments that can be timed (intermediate.int_assessments_timed). Higher is better. The clock
    starts at the referral while setting assessment_clock_starts_at_referral = 1 (unverified; 0 = the
    assessment's start date), for the bands and percentiles below too.
  - Duration bands (DfE EES table C2): timed completed assessments by working days from the referral -
    same day (0), 1-10, 11-20, 21-30, 31-40, 41-45, 46-50, 51-60, 61+; the first six are the 45-day numerator.
    P25 / median / P75: percentiles of the same durations, linearly interpolated (as R's and SAS's defaults
    give for a median: the mean of the two middle values) and rounded to 1 dp; null with no timed assessment.
  Percentages are to 1 dp and null where the denominator is 0.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date (month- or year-to-date).
  population_0_17: ONS population aged 0-17 used for the rate.
  referrals: Referrals received in the period.
  referral_rate_per_10k: Referrals per 10,000 children aged 0-17, 1 dp.
  re_referrals_12m: Referrals in the period within 12 months of the child's previous referral.
  re_referral_pct: re_referrals_12m as a % of referrals, 1 dp.
  referrals_nfa: Referrals in the period that resulted in no further action.
  referrals_nfa_pct: referrals_nfa as a % of referrals, 1 dp.
  assessments_completed: Assessments authorised in the period.
  assessments_timed: Completed assessments whose referral date is known, the denominator of the timeliness %.
  assessments_within_45wd: Completed assessments authorised within 45 working days of the referral.
  assessments_within_45wd_pct: assessments_within_45wd as a % of assessments_timed, 1 dp.
  assessments_same_day: Timed assessments authorised on the day of the referral (0 working days).
  assessments_1_10wd: Timed assessments taking 1-10 working days.
  assessments_11_20wd: Timed assessments taking 11-20 working days.
  assessments_21_30wd: Timed assessments taking 21-30 working days.
  assessments_31_40wd: Timed assessments taking 31-40 working days.
  assessments_41_45wd: Timed assessments taking 41-45 working days.
  assessments_46_50wd: Timed assessments taking 46-50 working days.
  assessments_51_60wd: Timed assessments taking 51-60 working days.
  assessments_61plus_wd: Timed assessments taking 61 or more working days.
  assessment_duration_p25_wd: 25th percentile of working days from referral to authorisation, 1 dp.
  assessment_duration_median_wd: Median working days from referral to authorisation, 1 dp.
  assessment_duration_p75_wd: 75th percentile of working days from referral to authorisation, 1 dp.
tests:
  unique: [period_type, period_label]
  not_null: [referrals, assessments_completed, population_0_17]
*/
with periods as (
    select * from reference.reporting_periods
),

referrals as (
    select * from intermediate.int_referrals_sequenced
),

assessments as (
    select * from intermediate.int_assessments_timed
),

referral_counts as (
    select
        periods.period_type,
        periods.period_label,
        count(referrals.referral_id) as referrals,
        count(referrals.referral_id) filter (where referrals.is_re_referral_12m) as re_referrals_12m,
        count(referrals.referral_id) filter (where referrals.is_nfa) as referrals_nfa
    from periods
    left join referrals
        on referrals.referral_date between periods.period_start and periods.period_end
    group by all
),

assessment_counts as (
    select
        periods.period_type,
        periods.period_label,
        count(assessments.assessment_id) as assessments_completed,
        count(assessments.assessment_id) filter (where assessments.is_timed) as assessments_timed,
        count(assessments.assessment_id) filter (where assessments.within_45_working_days) as assessments_within_45wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = 'same day') as assessments_same_day,
        count(assessments.assessment_id) filter (where assessments.duration_band = '1-10') as assessments_1_10wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '11-20') as assessments_11_20wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '21-30') as assessments_21_30wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '31-40') as assessments_31_40wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '41-45') as assessments_41_45wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '46-50') as assessments_46_50wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '51-60') as assessments_51_60wd,
        count(assessments.assessment_id) filter (where assessments.duration_band = '61+') as assessments_61plus_wd,
        round(quantile_cont(assessments.duration_working_days, 0.25), 1) as assessment_duration_p25_wd,
        round(quantile_cont(assessments.duration_working_days, 0.5), 1) as assessment_duration_median_wd,
        round(quantile_cont(assessments.duration_working_days, 0.75), 1) as assessment_duration_p75_wd
    from periods
    left join assessments
        on assessments.authorised_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.population_0_17,
    r.referrals,
    reference.rate_per_10k(r.referrals, periods.population_0_17) as referral_rate_per_10k,
    r.re_referrals_12m,
    reference.pct(r.re_referrals_12m, r.referrals) as re_referral_pct,
    r.referrals_nfa,
    reference.pct(r.referrals_nfa, r.referrals) as referrals_nfa_pct,
    a.assessments_completed,
    a.assessments_timed,
    a.assessments_within_45wd,
    reference.pct(a.assessments_within_45wd, a.assessments_timed) as assessments_within_45wd_pct,
    a.assessments_same_day,
    a.assessments_1_10wd,
    a.assessments_11_20wd,
    a.assessments_21_30wd,
    a.assessments_31_40wd,
    a.assessments_41_45wd,
    a.assessments_46_50wd,
    a.assessments_51_60wd,
    a.assessments_61plus_wd,
    cast(a.assessment_duration_p25_wd as double) as assessment_duration_p25_wd,
    cast(a.assessment_duration_median_wd as double) as assessment_duration_median_wd,
    cast(a.assessment_duration_p75_wd as double) as assessment_duration_p75_wd
from periods
inner join referral_counts as r using (period_type, period_label)
inner join assessment_counts as a using (period_type, period_label)
order by periods.period_type, periods.period_start
