/*
grain: one row per reporting period and child looked after at the period's snapshot date
definition: |
  Whether each looked-after child's reviews are up to date at the snapshot date (period end, or the as-at
  date for the period in progress): the child-level list behind the review-compliance measure. A count of
  reviews held cannot see a review that was never held (a child with no review at all would not be counted
  anywhere), so this list follows the child instead, as the former national indicator NI 66 did (children
  looked after whose reviews were all held within the required timescales). Local measure; no DfE comparator.
  - Review due: the Care Planning Regulations 2010 reg 33 timescales of intermediate.int_cla_reviews_timed:
    first review within 20 working days of the period of care starting (setting cla_review_first_working_days;
    28 calendar days before 2009), the second within 3 months of the first, later ones within 6 months of
    the previous one. next_review_due is the due date of the next review after the last one held on or
    before the snapshot date.
  - In the cohort (review_cohort): the first review fell due on or before the snapshot date, so children in
    care under 20 working days are left out.
  - Overdue: next_review_due is before the snapshot date (a review on its due date is in time).
  - Up to date: in the cohort, not overdue, and every review held from the period start to the snapshot
    date was held in time.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  snapshot_date: Period end, or the as-at date for the period in progress.
  person_id: The child.
  period_of_care_id: The period of care the child is in on snapshot_date.
  first_review_due: Date the first review of the period of care was due.
  reviews_held_to_date: Reviews held in the period of care up to snapshot_date.
  last_review_date: Date of the last review held on or before snapshot_date; null if none.
  next_review_due: Due date of the next review after last_review_date (first_review_due if none held).
  review_cohort: True when the first review fell due on or before snapshot_date.
  is_review_overdue: True when next_review_due is before snapshot_date.
  late_reviews_in_period: Reviews held from the period start to snapshot_date after their due date.
  reviews_up_to_date: In the cohort, not overdue and no late review in the period.
tests:
  unique: [period_type, period_label, person_id]
  not_null: [snapshot_date, person_id, period_of_care_id, first_review_due, next_review_due, review_cohort, is_review_overdue, reviews_up_to_date]
*/
with looked_after as (
    select
        cla.period_type,
        cla.period_label,
        periods.period_start,
        cla.snapshot_date,
        cla.person_id,
        cla.period_of_care_id,
        cla.care_start_date
    from intermediate.int_cla_at_period_end as cla
    inner join reference.reporting_periods as periods using (period_type, period_label)
),

care as (
    select distinct period_of_care_id, care_start_date from looked_after
),

first_due as (
    select
        care.period_of_care_id,
        coalesce(min(calendar.calendar_date), cast(care.care_start_date + 28 as date)) as first_review_due
    from care
    left join reference.working_day_calendar as started on started.calendar_date = care.care_start_date
    left join reference.working_day_calendar as calendar
        on calendar.is_working_day
        and calendar.working_day_number = started.working_day_number + reference.setting_int('cla_review_first_working_days')
    group by care.period_of_care_id, care.care_start_date
),

held as (
    select
        looked_after.period_type,
        looked_after.period_label,
        looked_after.person_id,
        count(*) as reviews_held_to_date,
        max(reviews.review_date) as last_review_date,
        arg_max(reviews.review_number, reviews.review_date) as last_review_number,
        count(*) filter (where reviews.review_date >= looked_after.period_start and not reviews.is_in_time) as late_reviews_in_period
    from looked_after
    inner join intermediate.int_cla_reviews_timed as reviews
        on reviews.period_of_care_id = looked_after.period_of_care_id
        and reviews.review_date <= looked_after.snapshot_date
    group by all
),

timed as (
    select
        looked_after.*,
        first_due.first_review_due,
        coalesce(held.reviews_held_to_date, 0) as reviews_held_to_date,
        held.last_review_date,
        case
            when held.last_review_date is null then first_due.first_review_due
            when held.last_review_number = 1
                then cast(held.last_review_date + to_months(reference.setting_int('cla_review_second_months')) as date)
            else cast(held.last_review_date + to_months(reference.setting_int('cla_review_subsequent_months')) as date)
        end as next_review_due,
        coalesce(held.late_reviews_in_period, 0) as late_reviews_in_period
    from looked_after
    inner join first_due using (period_of_care_id)
    left join held using (period_type, period_label, person_id)
)

select
    period_type,
    period_label,
    snapshot_date,
    person_id,
    period_of_care_id,
    first_review_due,
    reviews_held_to_date,
    last_review_date,
    next_review_due,
    first_review_due <= snapshot_date as review_cohort,
    next_review_due < snapshot_date as is_review_overdue,
    late_reviews_in_period,
    first_review_due <= snapshot_date and not next_review_due < snapshot_date and late_reviews_in_period = 0
        as reviews_up_to_date
from timed
