/*
grain: one row per complaint per stage
definition: |
  Each stage of each complaint under SI 2006/1738 timed in working days (reg 2: not Saturday, Sunday or an
  England bank holiday; reference.working_day_calendar), counted as the working days strictly after the
  received date up to and including the measured date, so a response the next working day is 1.
  - Stage 1 and 2 are measured to the response (responded_date); stage 3 to the panel meeting (panel_date),
    because reg 19's timescale is for the panel to meet.
  - Allowed: stage 1 10 working days, 20 where extended; stage 2 25, 65 where extended; stage 3 panel 30
    (settings complaint_stage*_working_days). In time = working days <= allowed. Null while not yet measured.
  - escalated: the complaint has a row for the next stage (stage 1 -> 2, 2 -> 3); a stage 2 without a
    stage 1 row (went straight to stage 2) is not counted as a stage 1 escalation.
  - Child journey: for a complaint about a child's case, whether on the stage's received date D the child
    was on a child protection plan (staging.stg_case__cp_plans), looked after (CLA episodes from
    intermediate.int_cla_episodes_classified, short breaks excluded as in every DfE CLA statistic), or had
    an open CIN episode (staging.stg_case__cin_episodes). The warehouse's "open on D" everywhere: started
    on or before D and not ended, or ended after D, so a plan or episode ending on D itself has ceased
    (as in int_cp_plans_open_at_period_end, int_cla_at_period_end, int_cin_episodes_open_at_period_end).
    No free text is read.
columns:
  complaint_id: Complaint reference.
  stage: 1, 2 or 3.
  received_date: Date the stage started.
  measured_date: Response date (stages 1 and 2) or panel date (stage 3); null while open.
  responded_date: Date the stage's response was sent.
  panel_date: Stage 3 panel meeting date.
  working_days: Working days from received_date to measured_date; null while open.
  is_extended: True when the timescale was extended (stages 1 and 2).
  allowed_working_days: Statutory timescale that applies (10/20, 25/65, 30).
  is_in_time: True when working_days <= allowed_working_days; null while open.
  due_date: received_date plus allowed_working_days working days, as the warehouse computes it.
  outcome: upheld, partly_upheld, not_upheld or withdrawn; null while open.
  category: Main issue.
  complainant_type: Who complained.
  team_id: Team complained about.
  team_name: Its name in the case system.
  service_area: Service area (the complaints system's, else the team's parent department).
  person_id: The child, when about a child's case.
  escalated: True when the complaint went on to the next stage.
  child_on_cp_plan: About a child on a child protection plan on received_date.
  child_looked_after: About a child looked after on received_date (short breaks excluded).
  child_open_cin: About a child with an open CIN episode (referral) on received_date.
tests:
  unique: [complaint_id, stage]
  not_null: [complaint_id, stage, received_date, allowed_working_days]
*/
with complaints as (
    select * from staging.stg_complaints__complaints
),

calendar as (
    select * from reference.working_day_calendar
),

departments as (
    select * from staging.stg_case__department
),

timed as (
    select
        c.*,
        case when c.stage = 3 then c.panel_date else c.responded_date end as measured_date,
        case
            when c.stage = 1 and coalesce(c.is_extended, false) then reference.setting_int('complaint_stage1_extended_working_days')
            when c.stage = 1 then reference.setting_int('complaint_stage1_working_days')
            when c.stage = 2 and coalesce(c.is_extended, false) then reference.setting_int('complaint_stage2_extended_working_days')
            when c.stage = 2 then reference.setting_int('complaint_stage2_working_days')
            else reference.setting_int('complaint_stage3_panel_working_days')
        end as allowed_working_days
    from complaints as c
),

measured as (
    select
        t.*,
        m.working_day_number - r.working_day_number as working_days,
        r.working_day_number as received_number
    from timed as t
    left join calendar as r on r.calendar_date = t.received_date
    left join calendar as m on m.calendar_date = t.measured_date
),

due as (
    select m.complaint_id, m.stage, min(cal.calendar_date) as due_date
    from measured as m
    join calendar as cal
        on cal.working_day_number = m.received_number + m.allowed_working_days and cal.is_working_day
    group by all
),

journey as (
    select
        m.complaint_id,
        m.stage,
        exists (select 1 from staging.stg_case__cp_plans as p
                where p.person_id = m.person_id and reference.in_force(p.start_date, p.end_date, m.received_date)) as child_on_cp_plan,
        exists (select 1 from intermediate.int_cla_episodes_classified as e
                where e.person_id = m.person_id and not e.is_short_break and reference.in_force(e.start_date, e.ceased_date, m.received_date)) as child_looked_after,
        exists (select 1 from staging.stg_case__cin_episodes as r
                where r.person_id = m.person_id and reference.in_force(r.referral_date, r.close_date, m.received_date)) as child_open_cin
    from measured as m
    where m.person_id is not null
)

select
    m.complaint_id,
    m.stage,
    m.received_date,
    m.measured_date,
    m.responded_date,
    m.panel_date,
    m.working_days,
    m.is_extended,
    m.allowed_working_days,
    case when m.working_days is not null then m.working_days <= m.allowed_working_days end as is_in_time,
    due.due_date,
    m.outcome,
    m.category,
    m.complainant_type,
    m.team_id,
    d.team_name,
    coalesce(m.service_area, d.parent_team_name) as service_area,
    m.person_id,
    exists (select 1 from complaints as nxt
            where nxt.complaint_id = m.complaint_id and nxt.stage = m.stage + 1) as escalated,
    coalesce(j.child_on_cp_plan, false) as child_on_cp_plan,
    coalesce(j.child_looked_after, false) as child_looked_after,
    coalesce(j.child_open_cin, false) as child_open_cin
from measured as m
left join due using (complaint_id, stage)
left join journey as j using (complaint_id, stage)
left join departments as d on d.team_id = m.team_id
