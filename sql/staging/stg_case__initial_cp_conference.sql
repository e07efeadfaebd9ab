/*
grain: one row per initial child protection conference (ssd_initial_cp_conference)
definition: |
  Initial child protection conferences (ICPCs), renamed and typed. A transfer-in ICPC is held for a child
  who moves in while on another authority's plan; DfE counts it as an ICPC. The conference date is the
  date it took place; the target date is 15 working days after the strategy discussion, as the case
  system recorded it (the warehouse recomputes timeliness itself, see intermediate.int_icpc_timed).
columns:
  icpc_id: ICPC id (icpc_icpc_id).
  meeting_id: Conference meeting id (icpc_icpc_meeting_id).
  s47_enquiry_id: The S47 enquiry the conference followed (icpc_s47_enquiry_id); usually null for a transfer-in.
  person_id: The child (icpc_person_id).
  cp_plan_id: The CP plan the conference started, if any (icpc_cp_plan_id).
  referral_id: The referral / CIN episode (icpc_referral_id).
  is_transfer_in: True for a transfer-in ICPC (icpc_icpc_transfer_in); blank is read as not a transfer-in.
  target_date: Target date recorded by the case system (icpc_icpc_target_date).
  conference_date: Date the conference took place (icpc_icpc_date); null if not yet held.
  resulted_in_plan: True when the conference resulted in a CP plan (icpc_icpc_outcome_cp_flag).
  team_id: Team that organised the conference (icpc_icpc_team).
  worker_id: Worker who organised the conference (icpc_icpc_worker_id).
tests:
  unique: [icpc_id]
  not_null: [icpc_id, person_id]
*/
select
    icpc_icpc_id as icpc_id,
    icpc_icpc_meeting_id as meeting_id,
    icpc_s47_enquiry_id as s47_enquiry_id,
    icpc_person_id as person_id,
    icpc_cp_plan_id as cp_plan_id,
    icpc_referral_id as referral_id,
    coalesce(reference.yes_no(icpc_icpc_transfer_in), false) as is_transfer_in,
    icpc_icpc_target_date as target_date,
    icpc_icpc_date as conference_date,
    reference.yes_no(icpc_icpc_outcome_cp_flag) as resulted_in_plan,
    icpc_icpc_team as team_id,
    icpc_icpc_worker_id as worker_id
from lake.case__ssd_initial_cp_conference
