/*
grain: one row per complaint per stage (complaints system extract, schemas/complaints/complaints.yml)
definition: |
  Complaints under the Children Act 1989 representations procedure (SI 2006/1738), one row per stage a
  complaint reached, renamed and typed. Codes are lower-cased and trimmed. The free-text summary is
  personal data and is deliberately not carried forward.
columns:
  complaint_id: Complaint reference, the same on every stage.
  stage: 1 local resolution, 2 investigation, 3 review panel.
  received_date: Date the stage started (complaint, or request for stage 2 / stage 3, received).
  recorded_due_date: Due date as the complaints system calculated it (informational; the warehouse recomputes).
  is_extended: True when the stage's timescale was extended (stage 1 to 20, stage 2 to 65 working days); null when not recorded.
  panel_date: Stage 3 only - the date the review panel met.
  responded_date: Date the stage's response was sent; null while open.
  outcome: upheld, partly_upheld, not_upheld or withdrawn; null while open.
  category: Main issue (communication, quality_of_service, staff_conduct, decision_or_assessment, delay, policy_or_procedure, discrimination, other).
  complainant_type: Who complained.
  team_id: Team complained about (case system team id).
  service_area: Service area as the complaints system records it.
  person_id: The child whose case it is about; null when not about one child.
tests:
  unique: [complaint_id, stage]
  not_null: [complaint_id, stage, received_date, category]
*/
select
    trim(complaint_id) as complaint_id,
    stage,
    received_date,
    due_date as recorded_due_date,
    reference.yes_no(extension_flag) as is_extended,
    panel_date,
    responded_date,
    nullif(replace(lower(trim(outcome)), ' ', '_'), '') as outcome,
    coalesce(nullif(replace(lower(trim(category)), ' ', '_'), ''), 'other') as category,
    nullif(lower(trim(complainant_type)), '') as complainant_type,
    nullif(trim(team_id), '') as team_id,
    nullif(trim(service_area), '') as service_area,
    nullif(trim(person_id), '') as person_id
from lake.complaints__complaints
