/*
grain: one row per worker known to the case system (ssd_professionals)
definition: |
  Workers with a case-system account, renamed and typed from the SSD. Names are not carried forward.
  prof_professional_caseload is the case system's own count on the previous 30 September; the
  warehouse recounts caseloads from ssd_involvements instead (int_caseloads_at_snapshot).
columns:
  worker_id: Worker id (prof_professional_id).
  staff_id: Staff identifier (prof_staff_id).
  swe_registration_number: Social Work England registration number (prof_social_worker_registration_no).
  job_title: Job title (prof_professional_job_title).
  recorded_caseload_30sep: Cases held on the previous 30 September as the case system counts them (prof_professional_caseload).
  department_name: Team or department name (prof_professional_department).
  fte: Full-time equivalence (prof_full_time_equivalency).
  is_agency: True for an agency worker (prof_agency_worker_flag); null when not recorded.
tests:
  unique: [worker_id]
  not_null: [worker_id]
*/
select
    trim(prof_professional_id) as worker_id,
    nullif(trim(prof_staff_id), '') as staff_id,
    nullif(upper(trim(prof_social_worker_registration_no)), '') as swe_registration_number,
    nullif(trim(prof_professional_job_title), '') as job_title,
    prof_professional_caseload as recorded_caseload_30sep,
    nullif(trim(prof_professional_department), '') as department_name,
    prof_full_time_equivalency as fte,
    reference.yes_no(prof_agency_worker_flag) as is_agency
from lake.case__ssd_professionals
