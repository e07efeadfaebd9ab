/*
grain: one row per reporting period, stage and category with at least one complaint received
definition: |
  Complaints received by stage and main issue (category), per month and financial year: the breakdown
  behind "communication is the underlying factor in most complaints". A stage counts in the period its
  received_date falls in (intermediate.int_complaints_timed).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 or 2024-25.
  period_start: First day of the period.
  period_end: Last day of the period.
  stage: 1, 2 or 3.
  category: Main issue (communication, quality_of_service, staff_conduct, decision_or_assessment, delay, ...).
  received: Complaint stages received.
  upheld_or_partly: Of those, upheld or partly upheld (so far).
  pct_of_stage: received as a % of all complaints received at that stage in the period.
tests:
  unique: [period_type, period_label, stage, category]
  not_null: [period_type, period_label, stage, category, received]
*/
with counted as (
    select
        p.period_type, p.period_label, p.period_start, p.period_end, s.stage, s.category,
        count(*) as received,
        count(*) filter (where s.outcome in ('upheld', 'partly_upheld')) as upheld_or_partly
    from reference.reporting_periods as p
    join intermediate.int_complaints_timed as s on s.received_date between p.period_start and p.period_end
    group by all
)

select
    *,
    reference.share_pct(received, sum(received) over (partition by period_type, period_label, stage)) as pct_of_stage
from counted
order by period_type, period_start, stage, category
