/*
grain: one row per reporting period (month or financial year) and statutory stage (1, 2, 3)
definition: |
  Complaints under the Children Act 1989 representations procedure (SI 2006/1738) per stage, so that
  stage 2 investigations and stage 3 panels carry the same counts, timeliness and outcomes as stage 1
  does in marts.complaints (whose stage 1 columns equal this model's stage 1 row; data test).
  From intermediate.int_complaints_timed:
  - received: stages that started in the period (stage 1 complaint, stage 2 or stage 3 request received).
  - measured / in_time: stages measured in the period - the response for stages 1 and 2, the panel
    meeting for stage 3 - and of those within the statutory timescale in reg 2 working days (stage 1 10,
    20 where extended; stage 2 25, 65 where extended; stage 3 panel 30 of the request).
  - Outcomes (upheld, partly upheld, not upheld, withdrawn): stages whose response was sent in the period
    (for stage 3 the authority's response to the panel's recommendations). upheld_or_partly_pct leaves
    withdrawn out of the denominator.
  - escalated: of the stages received in the period, those that have gone on to the next stage so far
    (stage 1 to 2, stage 2 to 3; null for stage 3), so recent periods rise as late escalations arrive.
  - open_at_end / open_overdue_at_end: stages received by the period's last day (the as-at date for the
    period in progress) and not yet measured then; overdue when the warehouse's due date is before that day.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  stage: "1 local resolution, 2 investigation, 3 review panel."
  received: Stages received (started) in the period.
  about_child: Of those, about a named child's case.
  child_on_cp_or_cla: Of those, about a child on a child protection plan or looked after on the day it was received.
  measured: Stages measured in the period (response for stages 1 and 2; panel meeting for stage 3).
  in_time: Of those, within the statutory timescale.
  in_time_pct: in_time as a % of measured.
  responded: Stages whose response was sent in the period.
  upheld: Of those, upheld.
  partly_upheld: Of those, partly upheld.
  not_upheld: Of those, not upheld.
  withdrawn: Of those, withdrawn.
  upheld_or_partly_pct: (upheld + partly upheld) as a % of responses with an outcome other than withdrawn.
  escalated: Stages received in the period that went on to the next stage (so far); null for stage 3.
  escalated_pct: escalated as a % of received; null for stage 3.
  open_at_end: Stages received by the period's last day (or the as-at date) and not measured by then.
  open_overdue_at_end: Of those, past the due date the warehouse computes.
tests:
  unique: [period_type, period_label, stage]
  not_null: [period_type, period_label, stage, received, measured, responded, open_at_end]
*/
with periods as (
    select p.*
    from reference.reporting_periods as p
),

stages as (
    select * from intermediate.int_complaints_timed
),

grid as (
    select p.*, s.stage
    from periods as p
    cross join (values (1), (2), (3)) as s(stage)
),

received as (
    select
        p.period_type, p.period_label, s.stage,
        count(*) as received,
        count(*) filter (where s.person_id is not null) as about_child,
        count(*) filter (where s.child_on_cp_plan or s.child_looked_after) as child_on_cp_or_cla,
        count(*) filter (where s.escalated) as escalated
    from periods as p
    join stages as s on s.received_date between p.period_start and p.period_end
    group by all
),

measured as (
    select
        p.period_type, p.period_label, s.stage,
        count(*) as measured,
        count(*) filter (where s.is_in_time) as in_time
    from periods as p
    join stages as s on s.measured_date between p.period_start and p.period_end
    group by all
),

outcomes as (
    select
        p.period_type, p.period_label, s.stage,
        count(*) as responded,
        count(*) filter (where s.outcome = 'upheld') as upheld,
        count(*) filter (where s.outcome = 'partly_upheld') as partly_upheld,
        count(*) filter (where s.outcome = 'not_upheld') as not_upheld,
        count(*) filter (where s.outcome = 'withdrawn') as withdrawn
    from periods as p
    join stages as s on s.responded_date between p.period_start and p.period_end
    group by all
),

open_at_end as (
    select
        p.period_type, p.period_label, s.stage,
        count(*) as open_at_end,
        count(*) filter (where s.due_date < p.snapshot_date) as open_overdue_at_end
    from periods as p
    join stages as s
        on s.received_date <= p.snapshot_date
       and coalesce(s.measured_date, date 'infinity') > p.snapshot_date
    group by all
),

joined as (
    select
        g.period_type, g.period_label, g.period_start, g.period_end, g.is_complete, g.stage,
        coalesce(r.received, 0) as received,
        coalesce(r.about_child, 0) as about_child,
        coalesce(r.child_on_cp_or_cla, 0) as child_on_cp_or_cla,
        coalesce(m.measured, 0) as measured,
        coalesce(m.in_time, 0) as in_time,
        coalesce(o.responded, 0) as responded,
        coalesce(o.upheld, 0) as upheld,
        coalesce(o.partly_upheld, 0) as partly_upheld,
        coalesce(o.not_upheld, 0) as not_upheld,
        coalesce(o.withdrawn, 0) as withdrawn,
        case when g.stage < 3 then coalesce(r.escalated, 0) end as escalated,
        coalesce(e.open_at_end, 0) as open_at_end,
        coalesce(e.open_overdue_at_end, 0) as open_overdue_at_end
    from grid as g
    left join received as r using (period_type, period_label, stage)
    left join measured as m using (period_type, period_label, stage)
    left join outcomes as o using (period_type, period_label, stage)
    left join open_at_end as e using (period_type, period_label, stage)
)

select
    period_type, period_label, period_start, period_end, is_complete, stage,
    received, about_child, child_on_cp_or_cla,
    measured, in_time,
    reference.pct(in_time, measured) as in_time_pct,
    responded, upheld, partly_upheld, not_upheld, withdrawn,
    reference.pct((upheld + partly_upheld), upheld + partly_upheld + not_upheld) as upheld_or_partly_pct,
    escalated,
    reference.pct(escalated, received) as escalated_pct,
    open_at_end, open_overdue_at_end
from joined
order by period_type, period_start, stage
