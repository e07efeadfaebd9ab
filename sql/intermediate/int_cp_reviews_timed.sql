/*
grain: one row per child protection review conference held (review date known) on a known plan
definition: |
  Each review conference timed against the one before it (Working Together; DfE CIN census "reviews held
  within timescales"): the first review is due within cp_review_first_months (3) months of the plan start,
  each later review within cp_review_interval_months (6) months of the previous review. Inclusive: a first
  review on the same date 3 months after the start is in time; the day after is late. Months are calendar
  months (15 Jan + 3 months = 15 Apr; 31 Aug + 6 months = 28/29 Feb). The deadline runs from the review
  actually held, not from when it was due, so one late review does not make every later one late.
  Reviews without a date (not held), reviews of plans not in the extract and reviews of another authority's
  plan held for history only (intermediate.int_cp_plans_sequenced.is_counted = false) are left out.
columns:
  cp_review_id: Review id.
  cp_plan_id: The plan reviewed.
  person_id: The child (from the plan).
  plan_start_date: The plan's start date.
  review_date: Date the review was held.
  review_sequence: 1 for the plan's first review, 2 for the second, and so on.
  previous_review_date: Date of the plan's previous review; null for the first.
  deadline_date: Latest date this review was in time (start + 3 months for the first, previous review + 6 months after).
  is_in_time: True when review_date <= deadline_date.
tests:
  unique: [cp_review_id]
  not_null: [cp_plan_id, review_date, deadline_date, is_in_time]
*/
with reviews as (
    select * from staging.stg_case__cp_reviews
    where review_date is not null
),

plans as (
    select cp_plan_id, person_id, start_date from intermediate.int_cp_plans_sequenced
    where is_counted
),

sequenced as (
    select
        reviews.cp_review_id,
        reviews.cp_plan_id,
        plans.person_id,
        plans.start_date as plan_start_date,
        reviews.review_date,
        row_number() over plan_reviews as review_sequence,
        lag(reviews.review_date) over plan_reviews as previous_review_date
    from reviews
    inner join plans using (cp_plan_id)
    window plan_reviews as (partition by reviews.cp_plan_id order by reviews.review_date, reviews.cp_review_id)
),

deadlines as (
    select
        *,
        case
            when previous_review_date is null
                then cast(plan_start_date + to_months(reference.setting_int('cp_review_first_months')) as date)
            else cast(previous_review_date + to_months(reference.setting_int('cp_review_interval_months')) as date)
        end as deadline_date
    from sequenced
)

select
    *,
    review_date <= deadline_date as is_in_time
from deadlines
