/*
grain: one row per initial child protection conference held (conference date known)
definition: |
  Each ICPC timed from the strategy discussion that started its section 47 enquiry (the S47 start date in
  the SSD), in working days: strictly after the strategy discussion up to and including the conference day
  (reference.working_day_calendar, England bank holidays), so a conference the next working day is day 1.
  Within timescale (Working Together; DfE CIN census; LAIT CP_conf_15days) = duration <= setting
  icpc_within_working_days (15): day 15 is in time, day 16 is not.
  Timed (is_timed, the denominator of the %) = the linked S47 and its strategy discussion date are in the
  extract and, while setting icpc_timeliness_excludes_transfer_in = 1, the ICPC is not a transfer-in (a
  transfer-in follows another authority's strategy discussion). Every held ICPC, transfer-in or not, counts
  in the ICPC number and rate. Bands as DfE publishes them: 0-10, 11-15, 16-20, 21+ working days.
columns:
  icpc_id: ICPC id.
  person_id: The child.
  s47_enquiry_id: The S47 enquiry the conference followed, if known.
  cp_plan_id: The plan the conference started, if any.
  is_transfer_in: True for a transfer-in ICPC.
  conference_date: Date the conference was held.
  strategy_discussion_date: Date of the strategy discussion that started the S47; null when not in the extract.
  duration_working_days: Working days from the strategy discussion to the conference; null when it cannot be worked out.
  is_timed: True when the conference counts in the 15-working-day denominator.
  within_timescale: True when timed and duration_working_days <= icpc_within_working_days; null when not timed.
  duration_band: 0-10, 11-15, 16-20 or 21+ working days; null when not timed.
tests:
  unique: [icpc_id]
  not_null: [person_id, conference_date, is_transfer_in, is_timed]
*/
with conferences as (
    select * from staging.stg_case__initial_cp_conference
    where conference_date is not null
),

enquiries as (
    select s47_enquiry_id, strategy_discussion_date from staging.stg_case__s47_enquiry
),

calendar as (
    select calendar_date, working_day_number from reference.working_day_calendar
),

timed as (
    select
        conferences.icpc_id,
        conferences.person_id,
        conferences.s47_enquiry_id,
        conferences.cp_plan_id,
        conferences.is_transfer_in,
        conferences.conference_date,
        enquiries.strategy_discussion_date,
        held.working_day_number - strategy.working_day_number as duration_working_days
    from conferences
    left join enquiries using (s47_enquiry_id)
    left join calendar as strategy on strategy.calendar_date = enquiries.strategy_discussion_date
    left join calendar as held on held.calendar_date = conferences.conference_date
),

flagged as (
    select
        *,
        duration_working_days is not null
            and not (is_transfer_in and reference.setting_int('icpc_timeliness_excludes_transfer_in') = 1)
            as is_timed
    from timed
)

select
    *,
    case when is_timed then duration_working_days <= reference.setting_int('icpc_within_working_days') end
        as within_timescale,
    case
        when not is_timed then null
        when duration_working_days <= 10 then '0-10'
        when duration_working_days <= 15 then '11-15'
        when duration_working_days <= 20 then '16-20'
        else '21+'
    end as duration_band
from flagged
