/*
grain: one row per child in need plan (ssd_cin_plans)
definition: |
  Child in need (section 17) plans, renamed and typed.
columns:
  cin_plan_id: CIN plan id (cinp_cin_plan_id).
  person_id: The child (cinp_person_id).
  referral_id: The referral / CIN episode (cinp_referral_id).
  start_date: Plan start date (cinp_cin_plan_start_date).
  end_date: Plan end date (cinp_cin_plan_end_date); null while open.
  team_id: Allocated team (cinp_cin_plan_team).
  worker_id: Allocated worker (cinp_cin_plan_worker_id).
tests:
  unique: [cin_plan_id]
  not_null: [cin_plan_id, person_id]
*/
select
    cinp_cin_plan_id as cin_plan_id,
    cinp_person_id as person_id,
    cinp_referral_id as referral_id,
    cinp_cin_plan_start_date as start_date,
    cinp_cin_plan_end_date as end_date,
    cinp_cin_plan_team as team_id,
    cinp_cin_plan_worker_id as worker_id
from lake.case__ssd_cin_plans
