/*
grain: one row per health check record (ssd_cla_health)
definition: |
  Health assessments, dental checks and health surveillance checks of looked-after children, renamed from
  the SSD and typed. check_kind classifies the free-text type: health_assessment, dental or other.
  is_completed is true when the status says the check happened (Completed/Complete/Done/Yes/Y) or when
  no status is recorded; refused, cancelled and other statuses are not completed checks.
columns:
  health_check_id: Health check id (clah_health_check_id).
  person_id: The child (clah_person_id).
  check_type: Type of check as recorded (clah_health_check_type).
  check_kind: health_assessment, dental or other.
  check_date: Date of the check (clah_health_check_date).
  check_status: Status as recorded (clah_health_check_status).
  is_completed: True when the check was carried out.
tests:
  unique: [health_check_id]
  not_null: [health_check_id, person_id, check_kind]
*/
select
    clah_health_check_id as health_check_id,
    clah_person_id as person_id,
    clah_health_check_type as check_type,
    case
        when lower(clah_health_check_type) like '%dent%' then 'dental'
        when lower(clah_health_check_type) like '%health assess%' then 'health_assessment'
        else 'other'
    end as check_kind,
    clah_health_check_date as check_date,
    clah_health_check_status as check_status,
    lower(coalesce(nullif(trim(clah_health_check_status), ''), 'completed')) in ('completed', 'complete', 'done', 'yes', 'y')
        as is_completed
from lake.case__ssd_cla_health
