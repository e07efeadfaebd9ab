/*
grain: one row per section 47 enquiry in the CIN census
materialized: view
definition: |
  Section47 module (DfE CIN census guide): every S47 enquiry of a census episode (marts.cin_census_children)
  started on or before the as-at date and not completed before 1 April. Completed = its initial child
  protection conference was held (DateOfInitialCPC), or it ended without needing one (ICPCnotRequired = 1).
  An enquiry completed before the year belongs to an earlier census (DfE rules 8715, 8740).
  - S47ActualStartDate: the S47's start (the strategy discussion date the SSD records as the S47 start).
  - InitialCPCtarget and DateOfInitialCPC: from the conference that followed this enquiry
    (staging.stg_case__initial_cp_conference.s47_enquiry_id; the earliest if several); the conference date
    only when on or before the as-at date.
  - ICPCnotRequired: 1 when the enquiry ended on or before the as-at date with no conference held and none
    called for (the S47 outcome is not "conference"); otherwise 0 (DfE rule 8868).
  Source: staging.stg_case__s47_enquiry.
columns:
  s47_enquiry_id: The enquiry (not sent to DfE).
  referral_id: The CIN episode it belongs to.
  child_id: LAchildID.
  start_date: S47ActualStartDate.
  icpc_target_date: InitialCPCtarget.
  icpc_date: DateOfInitialCPC, if held on or before the as-at date.
  icpc_not_required: ICPCnotRequired, 1 or 0.
  is_started_in_year: The enquiry started in the year up to the as-at date.
tests:
  unique: [s47_enquiry_id]
  not_null: [referral_id, child_id, start_date, icpc_not_required, is_started_in_year]
*/
with window_ as (
    select * from marts.cin_census_window
),

census_episodes as (
    select referral_id, child_id from marts.cin_census_children
),

conferences as (
    select
        s47_enquiry_id,
        arg_min(target_date, coalesce(conference_date, target_date)) as target_date,
        min(conference_date) as conference_date
    from staging.stg_case__initial_cp_conference
    where s47_enquiry_id is not null
    group by s47_enquiry_id
),

enquiries as (
    select
        s47.s47_enquiry_id,
        s47.referral_id,
        census_episodes.child_id,
        s47.strategy_discussion_date as start_date,
        conferences.target_date as icpc_target_date,
        case when conferences.conference_date <= window_.as_at_date then conferences.conference_date end
            as icpc_date,
        case when s47.end_date <= window_.as_at_date and not coalesce(s47.is_conference_outcome, false)
            then s47.end_date end as ended_without_conference_date,
        window_.year_start
    from staging.stg_case__s47_enquiry as s47
    inner join census_episodes on census_episodes.referral_id = s47.referral_id
    left join conferences on conferences.s47_enquiry_id = s47.s47_enquiry_id
    cross join window_
    where s47.strategy_discussion_date <= window_.as_at_date
)

select
    s47_enquiry_id,
    referral_id,
    child_id,
    start_date,
    icpc_target_date,
    icpc_date,
    case when icpc_date is null and ended_without_conference_date is not null then 1 else 0 end
        as icpc_not_required,
    start_date >= year_start as is_started_in_year
from enquiries
where coalesce(icpc_date, ended_without_conference_date) is null
   or coalesce(icpc_date, ended_without_conference_date) >= year_start
