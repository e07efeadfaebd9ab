/*
grain: one row per reporting period and service area with a complaint or compliment in it
definition: |
  Complaints (by stage) and compliments per service area, per month and financial year: the service-level
  roll-up of marts.complaints_by_team. A complaint's service area is the complaints system's, else the
  parent department of the team complained about (staging.stg_case__department), else 'unknown'
  (intermediate.int_complaints_timed); a compliment's likewise. Stage 1 timeliness (10 working days, 20
  where extended; SI 2006/1738 reg 14, reg 2 working days) counts responses sent in the period; received
  counts stages that started in it; upheld or partly upheld counts stage 1 responses sent in the period,
  withdrawn left out of the denominator. Compliments per complaint = compliments / stage 1 complaints received.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 or 2024-25.
  period_start: First day of the period.
  period_end: Last day of the period.
  service_area: Service area ('unknown' when neither system says).
  stage1_received: Stage 1 complaints received.
  stage2_received: Stage 2 requests received.
  stage3_received: Stage 3 requests received.
  stage1_responded: Stage 1 responses sent in the period.
  stage1_in_time: Of those, within 10 working days (20 where extended).
  stage1_in_time_pct: stage1_in_time as a % of stage1_responded.
  stage1_upheld_or_partly_pct: Stage 1 responses in the period upheld or partly upheld, as a % of those with an outcome other than withdrawn.
  compliments_received: Compliments received.
  compliments_per_complaint: compliments_received / stage1_received, 2 dp.
tests:
  unique: [period_type, period_label, service_area]
  not_null: [period_type, period_label, service_area]
*/
with compliments as (
    select c.received_date, coalesce(c.service_area, d.parent_team_name, 'unknown') as service_area
    from staging.stg_complaints__compliments as c
    left join staging.stg_case__department as d on d.team_id = c.team_id
),

stages as (
    select *, coalesce(service_area, 'unknown') as area from intermediate.int_complaints_timed
),

received as (
    select p.period_type, p.period_label, s.area as service_area,
        count(*) filter (where s.stage = 1) as stage1_received,
        count(*) filter (where s.stage = 2) as stage2_received,
        count(*) filter (where s.stage = 3) as stage3_received
    from reference.reporting_periods as p
    join stages as s on s.received_date between p.period_start and p.period_end
    group by all
),

responded as (
    select p.period_type, p.period_label, s.area as service_area,
        count(*) as stage1_responded,
        count(*) filter (where s.is_in_time) as stage1_in_time,
        count(*) filter (where s.outcome in ('upheld', 'partly_upheld')) as upheld_or_partly,
        count(*) filter (where s.outcome in ('upheld', 'partly_upheld', 'not_upheld')) as with_outcome
    from reference.reporting_periods as p
    join stages as s on s.stage = 1 and s.responded_date between p.period_start and p.period_end
    group by all
),

compliments_in as (
    select p.period_type, p.period_label, c.service_area, count(*) as compliments_received
    from reference.reporting_periods as p
    join compliments as c on c.received_date between p.period_start and p.period_end
    group by all
),

areas as (
    select period_type, period_label, service_area from received
    union select period_type, period_label, service_area from responded
    union select period_type, period_label, service_area from compliments_in
)

select
    a.period_type, a.period_label, p.period_start, p.period_end, a.service_area,
    coalesce(r.stage1_received, 0) as stage1_received,
    coalesce(r.stage2_received, 0) as stage2_received,
    coalesce(r.stage3_received, 0) as stage3_received,
    coalesce(o.stage1_responded, 0) as stage1_responded,
    coalesce(o.stage1_in_time, 0) as stage1_in_time,
    reference.pct(o.stage1_in_time, o.stage1_responded) as stage1_in_time_pct,
    reference.pct(o.upheld_or_partly, o.with_outcome) as stage1_upheld_or_partly_pct,
    coalesce(c.compliments_received, 0) as compliments_received,
    round(coalesce(c.compliments_received, 0) / nullif(r.stage1_received, 0), 2) as compliments_per_complaint
from areas as a
join reference.reporting_periods as p using (period_type, period_label)
left join received as r using (period_type, period_label, service_area)
left join responded as o using (period_type, period_label, service_area)
left join compliments_in as c using (period_type, period_label, service_area)
order by a.period_type, p.period_start, a.service_area
