/*
grain: one row per reporting period and team with a complaint or compliment in it
definition: |
  Complaints received (by stage) and compliments received per team and service area, per month and
  financial year. Teams are the case system's (staging.stg_case__department); service area is the
  complaints system's, else the team's parent department. Compliments per complaint = compliments /
  stage 1 complaints (null when the team had none).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 or 2024-25.
  period_start: First day of the period.
  period_end: Last day of the period.
  team_id: Team (case system id); 'unknown' when the complaint or compliment named none.
  team_name: Team name.
  service_area: Service area.
  stage1_received: Stage 1 complaints received.
  stage2_received: Stage 2 requests received.
  stage3_received: Stage 3 requests received.
  stage1_upheld_or_partly: Stage 1 complaints received in the period upheld or partly upheld (so far).
  compliments_received: Compliments received.
  compliments_per_complaint: compliments_received / stage1_received, 2 dp.
tests:
  unique: [period_type, period_label, team_id]
  not_null: [period_type, period_label, team_id]
*/
with events as (
    select coalesce(team_id, 'unknown') as team_id, service_area, received_date, stage, outcome, false as is_compliment
    from intermediate.int_complaints_timed
    union all
    select coalesce(team_id, 'unknown'), service_area, received_date, null, null, true
    from staging.stg_complaints__compliments
),

counted as (
    select
        p.period_type, p.period_label, p.period_start, p.period_end, e.team_id,
        any_value(e.service_area) as service_area,
        count(*) filter (where e.stage = 1) as stage1_received,
        count(*) filter (where e.stage = 2) as stage2_received,
        count(*) filter (where e.stage = 3) as stage3_received,
        count(*) filter (where e.stage = 1 and e.outcome in ('upheld', 'partly_upheld')) as stage1_upheld_or_partly,
        count(*) filter (where e.is_compliment) as compliments_received
    from reference.reporting_periods as p
    join events as e on e.received_date between p.period_start and p.period_end
    group by all
)

select
    c.period_type, c.period_label, c.period_start, c.period_end, c.team_id,
    d.team_name,
    coalesce(c.service_area, d.parent_team_name) as service_area,
    c.stage1_received, c.stage2_received, c.stage3_received, c.stage1_upheld_or_partly, c.compliments_received,
    round(c.compliments_received / nullif(c.stage1_received, 0), 2) as compliments_per_complaint
from counted as c
left join staging.stg_case__department as d on d.team_id = c.team_id
order by c.period_type, c.period_start, c.team_id
