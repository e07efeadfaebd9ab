/*
grain: one row per assessment started and still not authorised more than 45 working days later
definition: |
  ASSESSMENT_NOT_AUTHORISED: a CIN assessment (ssd_cin_assessments) with a start date and no authorisation
  date, where more than dq_assessment_working_days (45) working days have passed from its start to the
  as-at date: working days strictly after the start date up to and including the as-at date, in the
  England calendar (reference.working_day_calendar: Monday to Friday less bank holidays), the same count
  int_assessments_timed uses. Checked for assessments started from scope_start (int_dq_scope). The CIN
  census reads such an assessment as still open, and List 4 shows it with no completion date; usually the
  assessment was finished and never authorised in the system.
columns:
  rule_code: ASSESSMENT_NOT_AUTHORISED.
  source_table: ssd_cin_assessments.
  record_id: The assessment id.
  person_id: The child.
  team_id: Team on the assessment record.
  worker_id: Worker on the assessment record.
  detail: Start date and working days open.
tests:
  unique: [record_id]
  not_null: [record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

calendar as (
    select calendar_date, working_day_number from reference.working_day_calendar
),

open_assessments as (
    select
        assessments.*,
        as_at_day.working_day_number - start_day.working_day_number as working_days_open
    from staging.stg_case__cin_assessments as assessments
    cross join scope
    inner join calendar as start_day on start_day.calendar_date = assessments.start_date
    inner join calendar as as_at_day on as_at_day.calendar_date = scope.as_at_date
    where assessments.authorised_date is null
      and assessments.start_date between scope.scope_start and scope.as_at_date
)

select
    'ASSESSMENT_NOT_AUTHORISED' as rule_code,
    'ssd_cin_assessments' as source_table,
    assessment_id as record_id,
    person_id,
    nullif(trim(team_id), '') as team_id,
    nullif(trim(worker_id), '') as worker_id,
    'started ' || strftime(start_date, '%d/%m/%Y') || ', ' || working_days_open || ' working days without authorisation'
        as detail
from open_assessments
where working_days_open > reference.setting_int('dq_assessment_working_days')
