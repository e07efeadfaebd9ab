/*
grain: one row per workforce snapshot and HR employment or assignment in post on its snapshot date
definition: |
  Who HR says was in post on each snapshot date (intermediate.int_workers_snapshot_dates): a spell that
  started on or before the date and has no leave date or a leave date on or after it (the leave date is
  the last day worked, so a worker leaving on 30 September is in post at the 30 September census and is
  also a leaver in the year to it). A children and family social worker (DfE census) is registered with
  Social Work England; agency workers are counted separately from employed staff.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  worker_id: Worker id.
  start_date: Start of the spell.
  team_id: Team.
  role: Post.
  fte: Full-time equivalence.
  is_agency: Agency worker.
  is_registered_social_worker: Registered with Social Work England.
  is_case_holding: HR says the post holds cases.
  sickness_days_12m: Working days lost to sickness in the 12 months to the HR extract date.
  in_post_12m_earlier: The same worker was in post (any spell) 12 months before the snapshot date.
tests:
  unique: [period_type, period_label, worker_id]
  not_null: [period_type, period_label, snapshot_date, worker_id, fte]
*/
with snapshots as (
    select * from intermediate.int_workers_snapshot_dates
),

workers as (
    select * from staging.stg_hr__workers
)

select
    s.period_type, s.period_label, s.snapshot_date,
    w.worker_id, w.start_date, w.team_id, w.role, w.fte,
    coalesce(w.is_agency, false) as is_agency,
    w.is_registered_social_worker,
    coalesce(w.is_case_holding, false) as is_case_holding,
    w.sickness_days_12m,
    exists (select 1 from workers as e
            where e.worker_id = w.worker_id
              and e.start_date <= s.snapshot_date - interval 1 year
              and (e.leave_date is null or e.leave_date >= s.snapshot_date - interval 1 year)) as in_post_12m_earlier
from snapshots as s
join workers as w
    on w.start_date <= s.snapshot_date and (w.leave_date is null or w.leave_date >= s.snapshot_date)
qualify row_number() over (partition by s.period_type, s.period_label, w.worker_id order by w.start_date desc) = 1
