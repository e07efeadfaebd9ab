/*
grain: one row per workforce snapshot and employed social worker in post on it with sickness absence in the 12 months to it
definition: |
  Working days lost to sickness in the 12 months to each snapshot (intermediate.int_workers_snapshot_dates:
  every month end and every 30 September census), for the employed (non-agency) registered social workers
  in post on it (intermediate.int_workers_at_snapshot), the numerator of the DfE workforce census sickness
  absence rate (days lost / (FTE in post x 253)). From HR's absences (staging.stg_hr__sickness_absence):
  the working days (reference.working_day_calendar: Monday to Friday less England bank holidays) of each
  absence falling in (snapshot - 1 year, snapshot], an absence still open running to the snapshot, times
  the worker's FTE on the snapshot, so a day off for a 0.5 FTE worker is half a full-time day, as the FTE x
  253 denominator assumes. Overlapping absences of one worker are a data error and would be counted twice.
columns:
  period_type: month or census_30sep.
  period_label: 2024-05 or 2024-09-30.
  snapshot_date: The date counted on.
  worker_id: Worker id.
  team_id: Team.
  fte: FTE on the snapshot.
  absences: Absences overlapping the 12 months.
  working_days_off: Working days off in the 12 months.
  fte_days_lost: working_days_off x fte.
tests:
  unique: [period_type, period_label, worker_id]
  not_null: [period_type, period_label, worker_id, working_days_off, fte_days_lost]
*/
with in_post as (
    select * from intermediate.int_workers_at_snapshot
    where is_registered_social_worker and not is_agency
),

clipped as (
    select
        w.period_type, w.period_label, w.snapshot_date, w.worker_id, w.team_id, w.fte,
        greatest(a.start_date, cast(w.snapshot_date - interval 1 year as date) + 1) as from_date,
        least(coalesce(a.end_date, w.snapshot_date), w.snapshot_date) as to_date
    from in_post as w
    join staging.stg_hr__sickness_absence as a
        on a.worker_id = w.worker_id
       and a.start_date <= w.snapshot_date
       and coalesce(a.end_date, date 'infinity') > w.snapshot_date - interval 1 year
)

select
    c.period_type, c.period_label, c.snapshot_date, c.worker_id, c.team_id, c.fte,
    count(*) as absences,
    sum(t.working_day_number - f.working_day_number) as working_days_off,
    round(sum((t.working_day_number - f.working_day_number) * c.fte), 2) as fte_days_lost
from clipped as c
-- working days from from_date to to_date, both included: number(to) - number(from - 1 day)
join reference.working_day_calendar as f on f.calendar_date = c.from_date - 1
join reference.working_day_calendar as t on t.calendar_date = c.to_date
where c.to_date >= c.from_date
group by all
