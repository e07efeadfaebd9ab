/*
grain: one row per CLA review held (review date recorded, not cancelled) within a period of care
definition: |
  Reviews of looked-after children against Care Planning Regulations 2010 reg 33 (local measure; no DfE
  published comparator). Reviews are matched to the child through the case-system CLA id, then to the
  child's period of care in force on the review date, and numbered within it. The due date is worked out
  here, not taken from the extract: the first review within 20 working days of the period of care
  starting (working days strictly after the start, reference.working_day_calendar; setting
  cla_review_first_working_days); the second within 3 months of the first (setting cla_review_second_months);
  each later one within 6 months of the previous (setting cla_review_subsequent_months). A review on its
  due date is in time. For a period of care starting outside the working-day calendar's years (before 2009),
  20 working days is taken as 28 calendar days. Participation codes (SSDA903): PN0 child under 4; PN1-PN6 the child participated
  or conveyed views; PN7 did not participate.
columns:
  review_id: Review id.
  person_id: The child.
  period_of_care_id: Period of care the review belongs to.
  review_date: Date the review was held.
  review_number: 1 for the first review in the period of care, 2 for the second...
  due_date: Latest date the review was due, from the regulations.
  is_in_time: True when review_date is on or before due_date.
  participation_code: SSDA903 participation code PN0-PN7.
  child_participated: True for PN1-PN6; false for PN7; null for PN0 or not recorded.
tests:
  unique: [review_id]
  not_null: [review_id, person_id, period_of_care_id, review_date, due_date, is_in_time]
*/
with reviews as (
    select * from staging.stg_case__cla_reviews
    where review_date is not null and not coalesce(is_cancelled, false)
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

episodes as (
    select distinct cla_id, person_id from staging.stg_case__cla_episodes where cla_id is not null
),

calendar as (
    select * from reference.working_day_calendar
),

matched as (
    select
        reviews.review_id,
        reviews.review_date,
        reviews.participation_code,
        arg_max(care.period_of_care_id, care.start_date) as period_of_care_id,
        arg_max(care.person_id, care.start_date) as person_id,
        arg_max(care.start_date, care.start_date) as care_start_date
    from reviews
    inner join episodes on episodes.cla_id = reviews.cla_id
    inner join care
        on care.person_id = episodes.person_id
        and care.start_date <= reviews.review_date
        and (care.end_date is null or care.end_date >= reviews.review_date)
    group by all
),

numbered as (
    select
        *,
        row_number() over (partition by period_of_care_id order by review_date, review_id) as review_number,
        lag(review_date) over (partition by period_of_care_id order by review_date, review_id) as previous_review_date
    from matched
),

first_due as (
    select
        numbered.review_id,
        min(calendar.calendar_date) as first_review_due
    from numbered
    inner join calendar as started on started.calendar_date = numbered.care_start_date
    inner join calendar
        on calendar.is_working_day
        and calendar.working_day_number = started.working_day_number + reference.setting_int('cla_review_first_working_days')
    group by numbered.review_id
),

timed as (
    select
        numbered.*,
        case
            when review_number = 1 then coalesce(first_due.first_review_due, cast(care_start_date + 28 as date))
            when review_number = 2 then cast(previous_review_date + to_months(reference.setting_int('cla_review_second_months')) as date)
            else cast(previous_review_date + to_months(reference.setting_int('cla_review_subsequent_months')) as date)
        end as due_date
    from numbered
    left join first_due using (review_id)
)

select
    review_id,
    person_id,
    period_of_care_id,
    review_date,
    review_number,
    due_date,
    review_date <= due_date as is_in_time,
    participation_code,
    case when participation_code in ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6') then true
         when participation_code = 'PN7' then false end as child_participated
from timed
