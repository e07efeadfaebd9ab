/*
grain: one row per authorised (completed) assessment
definition: |
  Completed assessments with their duration in working days from the referral.
  Duration (DfE CIN census, EES table C2; Working Together): working days strictly after the referral date
  up to and including the authorisation date, in the England calendar (reference.working_day_calendar),
  so an assessment authorised on the day of referral took 0 days. Within timescale = duration <= 45.
  The clock starts at the referral, not the assessment start (Working Together; LAIT "within 45 working
  days of a referral"). The CIN census guide itself was not read (kpi_definitions open point 1), so the
  choice is setting assessment_clock_starts_at_referral: 1 = referral date (default), 0 = the assessment's
  own start date. An assessment whose clock-start date is not in the extract has no duration; it still
  counts as completed but cannot be timed (is_timed = false).
columns:
  assessment_id: Assessment id.
  person_id: The child.
  referral_id: The referral the assessment belongs to.
  referral_date: Date of that referral.
  start_date: Date the assessment started.
  clock_start_date: The date the 45 working days run from - referral_date, or start_date when setting assessment_clock_starts_at_referral = 0.
  authorised_date: Date the assessment was authorised (completed).
  child_seen: True when the child was seen during the assessment.
  duration_working_days: Working days from clock_start_date to authorisation; null when that date is missing.
  is_timed: True when the duration could be worked out.
  within_45_working_days: True when duration_working_days <= 45; null when not timed.
  duration_band: DfE band of the duration (same day, 1-10, 11-20, 21-30, 31-40, 41-45, 46-50, 51-60, 61+).
tests:
  unique: [assessment_id]
  not_null: [authorised_date, is_timed]
*/
with assessments as (
    select * from staging.stg_case__cin_assessments
    where authorised_date is not null
),

referrals as (
    select referral_id, referral_date from staging.stg_case__cin_episodes
),

calendar as (
    select calendar_date, working_day_number from reference.working_day_calendar
),

clocked as (
    select
        assessments.*,
        referrals.referral_date,
        case when reference.setting_int('assessment_clock_starts_at_referral') = 1
            then referrals.referral_date else assessments.start_date end as clock_start_date
    from assessments
    left join referrals on referrals.referral_id = assessments.referral_id
),

timed as (
    select
        clocked.assessment_id,
        clocked.person_id,
        clocked.referral_id,
        clocked.referral_date,
        clocked.start_date,
        clocked.clock_start_date,
        clocked.authorised_date,
        clocked.child_seen,
        authorised.working_day_number - clock_started.working_day_number as duration_working_days
    from clocked
    left join calendar as clock_started on clock_started.calendar_date = clocked.clock_start_date
    left join calendar as authorised on authorised.calendar_date = clocked.authorised_date
)

select
    *,
    duration_working_days is not null as is_timed,
    duration_working_days <= 45 as within_45_working_days,
    case
        when duration_working_days is null then null
        when duration_working_days = 0 then 'same day'
        when duration_working_days <= 10 then '1-10'
        when duration_working_days <= 20 then '11-20'
        when duration_working_days <= 30 then '21-30'
        when duration_working_days <= 40 then '31-40'
        when duration_working_days <= 45 then '41-45'
        when duration_working_days <= 50 then '46-50'
        when duration_working_days <= 60 then '51-60'
        else '61+'
    end as duration_band
from timed
