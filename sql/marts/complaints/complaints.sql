/*
grain: one row per reporting period (month or financial year)
definition: |
  Complaints under the Children Act 1989 representations procedure (SI 2006/1738), compliments and
  members' enquiries, per month and financial year. Flows: a complaint stage counts in the period its
  received_date falls in; timeliness and outcomes count in the period the stage was measured (response,
  or for stage 3 the panel meeting). Working days per reg 2 (intermediate.int_complaints_timed):
  stage 1 within 10 working days (20 where extended), stage 2 within 25 (65 where extended), stage 3
  panel within 30 of the request. Escalation: of stage 1 complaints received in the period, the share
  that have gone on to stage 2 so far (and stage 2 to 3), so recent periods rise as late escalations
  arrive. Compliments have no statutory definition and are counted only; compliments per complaint =
  compliments received / stage 1 complaints received. DfE publishes no complaints statistics, so
  nothing here has a national comparator.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  stage1_received: Stage 1 complaints received in the period.
  stage2_received: Stage 2 investigations requested in the period.
  stage3_received: Stage 3 review panels requested in the period.
  stage1_about_child: Stage 1 complaints received about a named child's case.
  stage1_child_on_cp_or_cla: Of those, about a child on a child protection plan or looked after on the day it was made.
  stage1_communication: Stage 1 complaints received whose main issue is communication.
  stage1_responded: Stage 1 responses sent in the period.
  stage1_in_time: Of those, within 10 working days (20 where extended).
  stage1_in_time_pct: stage1_in_time as a % of stage1_responded.
  stage2_responded: Stage 2 responses sent in the period.
  stage2_in_time: Of those, within 25 working days (65 where extended).
  stage2_in_time_pct: stage2_in_time as a % of stage2_responded.
  stage3_panels: Stage 3 panels held in the period.
  stage3_panels_in_time: Of those, meeting within 30 working days of the request.
  stage3_panels_in_time_pct: stage3_panels_in_time as a % of stage3_panels.
  stage1_escalated: Stage 1 complaints received in the period that went on to stage 2 (so far).
  stage1_escalated_pct: stage1_escalated as a % of stage1_received.
  stage2_escalated: Stage 2 requests received in the period that went on to stage 3 (so far).
  stage2_escalated_pct: stage2_escalated as a % of stage2_received.
  stage1_upheld: Stage 1 responses in the period with outcome upheld.
  stage1_partly_upheld: Stage 1 responses in the period with outcome partly upheld.
  stage1_not_upheld: Stage 1 responses in the period with outcome not upheld.
  stage1_withdrawn: Stage 1 complaints closed as withdrawn in the period.
  stage1_upheld_or_partly_pct: (upheld + partly upheld) as a % of stage 1 responses with an outcome other than withdrawn.
  compliments_received: Compliments received in the period.
  compliments_per_complaint: compliments_received / stage1_received, to 2 dp; null when no complaints.
  member_enquiries_received: Enquiries from MPs and councillors received in the period.
  member_enquiries_responded: Member enquiries answered in the period.
  member_enquiries_in_time: Of those, within the local timescale (setting member_enquiry_response_working_days).
  member_enquiries_in_time_pct: member_enquiries_in_time as a % of member_enquiries_responded.
tests:
  unique: [period_type, period_label]
  not_null: [period_type, period_label, stage1_received, compliments_received]
*/
with periods as (
    select * from reference.reporting_periods
),

stages as (
    select * from intermediate.int_complaints_timed
),

compliments as (
    select * from staging.stg_complaints__compliments
),

enquiries as (
    select
        e.*,
        m.working_day_number - r.working_day_number as working_days
    from staging.stg_complaints__member_enquiries as e
    left join reference.working_day_calendar as r on r.calendar_date = e.received_date
    left join reference.working_day_calendar as m on m.calendar_date = e.responded_date
),

received as (
    select
        p.period_type, p.period_label,
        count(*) filter (where s.stage = 1) as stage1_received,
        count(*) filter (where s.stage = 2) as stage2_received,
        count(*) filter (where s.stage = 3) as stage3_received,
        count(*) filter (where s.stage = 1 and s.person_id is not null) as stage1_about_child,
        count(*) filter (where s.stage = 1 and (s.child_on_cp_plan or s.child_looked_after)) as stage1_child_on_cp_or_cla,
        count(*) filter (where s.stage = 1 and s.category = 'communication') as stage1_communication,
        count(*) filter (where s.stage = 1 and s.escalated) as stage1_escalated,
        count(*) filter (where s.stage = 2 and s.escalated) as stage2_escalated
    from periods as p
    join stages as s on s.received_date between p.period_start and p.period_end
    group by all
),

measured as (
    select
        p.period_type, p.period_label,
        count(*) filter (where s.stage = 1) as stage1_responded,
        count(*) filter (where s.stage = 1 and s.is_in_time) as stage1_in_time,
        count(*) filter (where s.stage = 2) as stage2_responded,
        count(*) filter (where s.stage = 2 and s.is_in_time) as stage2_in_time,
        count(*) filter (where s.stage = 3) as stage3_panels,
        count(*) filter (where s.stage = 3 and s.is_in_time) as stage3_panels_in_time
    from periods as p
    join stages as s on s.measured_date between p.period_start and p.period_end
    group by all
),

outcomes as (
    select
        p.period_type, p.period_label,
        count(*) filter (where s.outcome = 'upheld') as stage1_upheld,
        count(*) filter (where s.outcome = 'partly_upheld') as stage1_partly_upheld,
        count(*) filter (where s.outcome = 'not_upheld') as stage1_not_upheld,
        count(*) filter (where s.outcome = 'withdrawn') as stage1_withdrawn
    from periods as p
    join stages as s on s.stage = 1 and s.responded_date between p.period_start and p.period_end
    group by all
),

compliments_in as (
    select p.period_type, p.period_label, count(*) as compliments_received
    from periods as p
    join compliments as c on c.received_date between p.period_start and p.period_end
    group by all
),

enquiries_in as (
    select
        p.period_type, p.period_label,
        count(*) filter (where e.received_date between p.period_start and p.period_end) as member_enquiries_received,
        count(*) filter (where e.responded_date between p.period_start and p.period_end) as member_enquiries_responded,
        count(*) filter (where e.responded_date between p.period_start and p.period_end
                         and e.working_days <= reference.setting_int('member_enquiry_response_working_days')) as member_enquiries_in_time
    from periods as p
    join enquiries as e
        on e.received_date between p.period_start and p.period_end
        or e.responded_date between p.period_start and p.period_end
    group by all
),

joined as (
    select
        p.period_type, p.period_label, p.period_start, p.period_end, p.is_complete,
        coalesce(r.stage1_received, 0) as stage1_received,
        coalesce(r.stage2_received, 0) as stage2_received,
        coalesce(r.stage3_received, 0) as stage3_received,
        coalesce(r.stage1_about_child, 0) as stage1_about_child,
        coalesce(r.stage1_child_on_cp_or_cla, 0) as stage1_child_on_cp_or_cla,
        coalesce(r.stage1_communication, 0) as stage1_communication,
        coalesce(m.stage1_responded, 0) as stage1_responded,
        coalesce(m.stage1_in_time, 0) as stage1_in_time,
        coalesce(m.stage2_responded, 0) as stage2_responded,
        coalesce(m.stage2_in_time, 0) as stage2_in_time,
        coalesce(m.stage3_panels, 0) as stage3_panels,
        coalesce(m.stage3_panels_in_time, 0) as stage3_panels_in_time,
        coalesce(r.stage1_escalated, 0) as stage1_escalated,
        coalesce(r.stage2_escalated, 0) as stage2_escalated,
        coalesce(o.stage1_upheld, 0) as stage1_upheld,
        coalesce(o.stage1_partly_upheld, 0) as stage1_partly_upheld,
        coalesce(o.stage1_not_upheld, 0) as stage1_not_upheld,
        coalesce(o.stage1_withdrawn, 0) as stage1_withdrawn,
        coalesce(c.compliments_received, 0) as compliments_received,
        coalesce(e.member_enquiries_received, 0) as member_enquiries_received,
        coalesce(e.member_enquiries_responded, 0) as member_enquiries_responded,
        coalesce(e.member_enquiries_in_time, 0) as member_enquiries_in_time
    from periods as p
    left join received as r using (period_type, period_label)
    left join measured as m using (period_type, period_label)
    left join outcomes as o using (period_type, period_label)
    left join compliments_in as c using (period_type, period_label)
    left join enquiries_in as e using (period_type, period_label)
)

select
    period_type, period_label, period_start, period_end, is_complete,
    stage1_received, stage2_received, stage3_received,
    stage1_about_child, stage1_child_on_cp_or_cla, stage1_communication,
    stage1_responded, stage1_in_time,
    reference.pct(stage1_in_time, stage1_responded) as stage1_in_time_pct,
    stage2_responded, stage2_in_time,
    reference.pct(stage2_in_time, stage2_responded) as stage2_in_time_pct,
    stage3_panels, stage3_panels_in_time,
    reference.pct(stage3_panels_in_time, stage3_panels) as stage3_panels_in_time_pct,
    stage1_escalated,
    reference.pct(stage1_escalated, stage1_received) as stage1_escalated_pct,
    stage2_escalated,
    reference.pct(stage2_escalated, stage2_received) as stage2_escalated_pct,
    stage1_upheld, stage1_partly_upheld, stage1_not_upheld, stage1_withdrawn,
    reference.pct((stage1_upheld + stage1_partly_upheld), stage1_upheld + stage1_partly_upheld + stage1_not_upheld) as stage1_upheld_or_partly_pct,
    compliments_received,
    round(compliments_received / nullif(stage1_received, 0), 2) as compliments_per_complaint,
    member_enquiries_received, member_enquiries_responded, member_enquiries_in_time,
    reference.pct(member_enquiries_in_time, member_enquiries_responded) as member_enquiries_in_time_pct
from joined
order by period_type, period_start
