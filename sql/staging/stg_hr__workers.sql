/*
grain: one row per employment or agency assignment (HR extract, schemas/hr/workers.yml)
definition: |
  Everyone working in children's social care according to HR, one row per spell, renamed and typed.
  A children and family social worker for the DfE workforce census is someone registered with Social
  Work England: is_registered_social_worker is true when a registration number is present.
columns:
  worker_id: Worker id; the case system's professional id where the worker has an account.
  staff_id: HR payroll number.
  swe_registration_number: Social Work England registration number.
  is_registered_social_worker: True when a Social Work England registration number is recorded.
  role: Post (social_worker, senior_practitioner, team_manager, ...).
  team_id: Team (case system team id).
  fte: Full-time equivalence.
  is_agency: True for an agency (locum) worker; null when not recorded.
  start_date: First day of the spell.
  leave_date: Last day of the spell; null while in post.
  leave_reason: Reason for leaving.
  sickness_days_12m: Working days lost to sickness in the 12 months to the extract date.
  is_case_holding: HR's view of whether the post holds cases.
tests:
  unique: [worker_id, start_date]
  not_null: [worker_id, start_date, fte]
*/
select
    trim(worker_id) as worker_id,
    nullif(trim(staff_id), '') as staff_id,
    nullif(upper(trim(swe_registration_number)), '') as swe_registration_number,
    nullif(trim(swe_registration_number), '') is not null as is_registered_social_worker,
    lower(trim(role)) as role,
    trim(team_id) as team_id,
    fte,
    reference.yes_no(agency_flag) as is_agency,
    start_date,
    leave_date,
    nullif(lower(trim(leave_reason)), '') as leave_reason,
    sickness_days_12m,
    reference.yes_no(case_holding_flag) as is_case_holding
from lake.hr__workers
