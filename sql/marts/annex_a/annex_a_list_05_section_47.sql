/*
grain: one row per section 47 enquiry started in the Annex A window
definition: |
  Annex A List 5 (section 47 enquiries and ICPCs). Who is on it: every S47 enquiry whose start (the
  strategy discussion that initiated it) falls in the window, one row per enquiry, with the initial child
  protection conference that followed it, if held by the as-at date. Source: staging.stg_case__s47_enquiry,
  the list behind marts.s47_enquiries s47_started, so the rows equal s47_started summed over the window's
  months. Transfer-in conferences with no enquiry are not listed (no S47 row to hang them on).
  - ICPC deemed unnecessary: the enquiry was completed by the as-at date without an ICPC outcome; blank
    while the enquiry is open.
  - Date of ICPC / resulted in a plan: the latest conference linked to the enquiry held on or before the
    as-at date.
  - Numbers in the last 12 months: the child's enquiries started, and conferences held, in the 12 months up
    to and including the as-at date.
columns:
  s47_enquiry_id: Enquiry id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  has_disability: Disability recorded (null = unknown).
  strategy_discussion_date: Strategy discussion initiating the S47 enquiry.
  icpc_unnecessary: Enquiry completed without an ICPC outcome; null while open.
  icpc_date: Date of the ICPC, if held by the as-at date.
  icpc_resulted_in_plan: The ICPC resulted in a CP plan; null when no ICPC held.
  s47_last_12_months: The child's S47 enquiries started in the 12 months to the as-at date.
  icpc_last_12_months: The child's ICPCs held in the 12 months to the as-at date.
  allocated_team: Allocated team.
  allocated_worker: Allocated worker id.
tests:
  unique: [s47_enquiry_id]
  not_null: [child_id, strategy_discussion_date, s47_last_12_months, icpc_last_12_months]
*/
with window_ as (
    select * from marts.annex_a_window
),

all_enquiries as (
    select * from staging.stg_case__s47_enquiry where strategy_discussion_date is not null
),

enquiries as (
    select all_enquiries.*, window_.as_at_date
    from all_enquiries
    cross join window_
    where all_enquiries.strategy_discussion_date between window_.window_start and window_.as_at_date
),

held_conferences as (
    select conferences.*
    from staging.stg_case__initial_cp_conference as conferences
    cross join window_
    where conferences.conference_date <= window_.as_at_date
),

enquiry_conference as (
    select
        s47_enquiry_id,
        max(conference_date) as icpc_date,
        arg_max(resulted_in_plan, conference_date) as icpc_resulted_in_plan
    from held_conferences
    where s47_enquiry_id is not null
    group by s47_enquiry_id
),

s47_12 as (
    select all_enquiries.person_id, count(*) as s47_last_12_months
    from all_enquiries
    cross join window_
    where all_enquiries.strategy_discussion_date between window_.last_12_months_start and window_.as_at_date
    group by all_enquiries.person_id
),

icpc_12 as (
    select held_conferences.person_id, count(*) as icpc_last_12_months
    from held_conferences
    cross join window_
    where held_conferences.conference_date >= window_.last_12_months_start
    group by held_conferences.person_id
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    enquiries.s47_enquiry_id,
    enquiries.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    children.has_disability,
    enquiries.strategy_discussion_date,
    case
        when enquiry_conference.icpc_date is not null then false
        when enquiries.end_date <= enquiries.as_at_date then not coalesce(enquiries.is_conference_outcome, false)
    end as icpc_unnecessary,
    enquiry_conference.icpc_date,
    enquiry_conference.icpc_resulted_in_plan,
    coalesce(s47_12.s47_last_12_months, 0) as s47_last_12_months,
    coalesce(icpc_12.icpc_last_12_months, 0) as icpc_last_12_months,
    coalesce(children.allocated_team, teams.team_name, enquiries.team_id) as allocated_team,
    coalesce(children.allocated_worker, enquiries.worker_id) as allocated_worker
from enquiries
left join children on children.child_id = enquiries.person_id
left join enquiry_conference on enquiry_conference.s47_enquiry_id = enquiries.s47_enquiry_id
left join s47_12 on s47_12.person_id = enquiries.person_id
left join icpc_12 on icpc_12.person_id = enquiries.person_id
left join teams on teams.team_id = enquiries.team_id
order by enquiries.strategy_discussion_date, enquiries.s47_enquiry_id
