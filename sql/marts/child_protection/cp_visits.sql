/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Visits to children on child protection plans (local measures; DfE publishes none). Timescale: at most
  cp_visit_max_working_days (10) working days between visits, a common local standard, in working days
  strictly after the previous visit (or the plan start, for the first) up to and including the visit.
  - Visits within timescale (flow): visits in the period, during the plan, whose gap could be worked out and
    was within timescale / visits in the period during the plan whose gap could be worked out
    (intermediate.int_cp_visits_timed).
  - Seen alone (flow): visits in the period during the plan where the child was seen alone / visits where
    the child was seen (a child not seen cannot be seen alone).
  - Visit up to date (stock at the reference date: month-end, 31 March, or the as-at date): children on a
    plan whose last visit (or plan start, if none yet) was within 10 working days of the reference date /
    children on a plan (intermediate.int_cp_plans_open_at_period_end).
  Percentages 1 dp, null where the denominator is 0.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  reference_date: Date the stock is taken.
  visits: Visits in the period that fall during their plan.
  visits_timed: Of those, visits whose gap from the previous visit could be worked out.
  visits_within_timescale: Timed visits within 10 working days of the previous visit (or plan start).
  visits_within_timescale_pct: visits_within_timescale as a % of visits_timed, 1 dp.
  visits_child_seen: Visits where the child was seen.
  visits_child_seen_alone: Visits where the child was seen alone.
  visits_seen_alone_pct: visits_child_seen_alone as a % of visits_child_seen, 1 dp.
  children_on_plan: Children on a plan at the reference date.
  children_visit_up_to_date: Children on a plan last visited (or starting the plan) within 10 working days of the reference date.
  children_visit_up_to_date_pct: children_visit_up_to_date as a % of children_on_plan, 1 dp.
tests:
  unique: [period_type, period_label]
  not_null: [reference_date, visits, visits_timed, children_on_plan, children_visit_up_to_date]
*/
with periods as (
    select
        periods.*,
        periods.snapshot_date as reference_date
    from reference.reporting_periods as periods
),

visits as (
    select * from intermediate.int_cp_visits_timed
    where is_during_plan
),

on_plan as (
    select * from intermediate.int_cp_plans_open_at_period_end
),

-- Visits counted per month first (a hash aggregate over every visit), then each period adds up its months: periods
-- start on a month's first day and end on a month's last, so a visit falls in a period exactly when its month does,
-- and the range join pairs the periods with a few hundred months instead of with every visit.
visit_months as (
    select
        cast(date_trunc('month', visits.visit_date) as date) as visit_month,
        count(visits.cp_visit_id) as visits,
        count(visits.cp_visit_id) filter (where visits.is_within_timescale is not null) as visits_timed,
        count(visits.cp_visit_id) filter (where visits.is_within_timescale) as visits_within_timescale,
        count(visits.cp_visit_id) filter (where visits.child_seen) as visits_child_seen,
        count(visits.cp_visit_id) filter (where visits.child_seen and visits.child_seen_alone)
            as visits_child_seen_alone
    from visits
    where visits.visit_date is not null
    group by 1
),

flows as (
    select
        periods.period_type,
        periods.period_label,
        cast(coalesce(sum(visit_months.visits), 0) as bigint) as visits,
        cast(coalesce(sum(visit_months.visits_timed), 0) as bigint) as visits_timed,
        cast(coalesce(sum(visit_months.visits_within_timescale), 0) as bigint) as visits_within_timescale,
        cast(coalesce(sum(visit_months.visits_child_seen), 0) as bigint) as visits_child_seen,
        cast(coalesce(sum(visit_months.visits_child_seen_alone), 0) as bigint) as visits_child_seen_alone
    from periods
    left join visit_months on visit_months.visit_month between periods.period_start and periods.period_end
    group by all
),

stocks as (
    select
        periods.period_type,
        periods.period_label,
        count(on_plan.person_id) as children_on_plan,
        count(on_plan.person_id) filter (where on_plan.visit_up_to_date) as children_visit_up_to_date
    from periods
    left join on_plan using (period_type, period_label)
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.reference_date,
    flows.visits,
    flows.visits_timed,
    flows.visits_within_timescale,
    reference.pct(flows.visits_within_timescale, flows.visits_timed) as visits_within_timescale_pct,
    flows.visits_child_seen,
    flows.visits_child_seen_alone,
    reference.pct(flows.visits_child_seen_alone, flows.visits_child_seen) as visits_seen_alone_pct,
    stocks.children_on_plan,
    stocks.children_visit_up_to_date,
    reference.pct(stocks.children_visit_up_to_date, stocks.children_on_plan)
        as children_visit_up_to_date_pct
from periods
inner join flows using (period_type, period_label)
inner join stocks using (period_type, period_label)
order by periods.period_type, periods.period_start
