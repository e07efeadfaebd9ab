/*
grain: one row per complaint per stage
definition: |
  The complaint-level list behind every count in marts.complaints: each stage with its working-day
  timing against SI 2006/1738 (10/20, 25/65, panel 30), outcome, category, team, and - for a complaint
  about a child's case - whether the child was on a child protection plan, looked after or open as a
  child in need on the day it was made. No free text: the extract's summary is never read.
columns:
  complaint_id: Complaint reference.
  stage: 1, 2 or 3.
  received_date: Date the stage started.
  measured_date: Response date (stages 1, 2) or panel date (stage 3); null while open.
  working_days: Working days from received to measured date.
  allowed_working_days: Statutory timescale that applies.
  is_extended: Timescale extended.
  is_in_time: Within the timescale; null while open.
  due_date: Due date as the warehouse computes it.
  is_open_overdue: Still open at the as-at date and past its due date.
  outcome: Outcome; null while open.
  category: Main issue.
  complainant_type: Who complained.
  team_id: Team complained about.
  team_name: Team name.
  service_area: Service area.
  person_id: The child, when about a child's case.
  escalated: Went on to the next stage.
  child_on_cp_plan: Child on a child protection plan when it was made.
  child_looked_after: Child looked after when it was made.
  child_open_cin: Child open as a child in need when it was made.
tests:
  unique: [complaint_id, stage]
  not_null: [complaint_id, stage, received_date]
*/
select
    t.complaint_id, t.stage, t.received_date, t.measured_date, t.working_days, t.allowed_working_days,
    t.is_extended, t.is_in_time, t.due_date,
    t.measured_date is null and t.due_date < ctx.as_at_date as is_open_overdue,
    t.outcome, t.category, t.complainant_type, t.team_id, t.team_name, t.service_area, t.person_id,
    t.escalated, t.child_on_cp_plan, t.child_looked_after, t.child_open_cin
from intermediate.int_complaints_timed as t
cross join reference.run_context as ctx
order by t.received_date, t.complaint_id, t.stage
