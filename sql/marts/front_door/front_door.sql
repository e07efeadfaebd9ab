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
    completed assessments that can be timed (intermediate.int_assessments_timed). Higher is better.
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
        count(assessments.assessment_id) filter (where assessments.within_45_working_days) as assessments_within_45wd
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
    round(r.referrals * 10000.0 / periods.population_0_17, 1) as referral_rate_per_10k,
    r.re_referrals_12m,
    round(100.0 * r.re_referrals_12m / nullif(r.referrals, 0), 1) as re_referral_pct,
    r.referrals_nfa,
    round(100.0 * r.referrals_nfa / nullif(r.referrals, 0), 1) as referrals_nfa_pct,
    a.assessments_completed,
    a.assessments_timed,
    a.assessments_within_45wd,
    round(100.0 * a.assessments_within_45wd / nullif(a.assessments_timed, 0), 1) as assessments_within_45wd_pct
from periods
inner join referral_counts as r using (period_type, period_label)
inner join assessment_counts as a using (period_type, period_label)
order by periods.period_type, periods.period_start
