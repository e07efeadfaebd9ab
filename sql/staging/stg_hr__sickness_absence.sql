/*
grain: one row per sickness absence (HR extract, schemas/hr/sickness_absence.yml)
definition: |
  Sickness absences of staff HR employs, renamed and typed: first and last day off (last day null while
  the worker is still off) and a broad reason code.
columns:
  absence_id: Absence reference.
  worker_id: The worker (stg_hr__workers.worker_id).
  start_date: First day of the absence.
  end_date: Last day of the absence; null while still off.
  reason: Broad reason code.
tests:
  unique: [absence_id]
  not_null: [absence_id, worker_id, start_date]
*/
select
    trim(absence_id) as absence_id,
    trim(worker_id) as worker_id,
    start_date,
    end_date,
    nullif(lower(trim(reason)), '') as reason
from lake.hr__sickness_absence
