/*
grain: one row per care leaver supported at the Annex A as-at date
definition: |
  Annex A List 9 (care leavers). Who is on it: the care leavers the authority supports on the as-at date,
  by the rule of intermediate.int_care_leavers_at_period_end (behind marts.care_leavers care_leavers_open):
  a young person with an ssd_care_leavers record dated (latest contact, else pathway plan review) on or
  before the as-at date, aged 17 to 21 on it, not looked after on it, whose latest record by then is not
  DIED, RHOM or NREQ. One row per young person, so the rows equal care_leavers_open at that date. A care
  leaver with no recorded contact is listed when the pathway plan review dates the record; the latest
  contact date is then blank, and so is "LA in touch" unless the record says otherwise (Ofsted's list has
  no "not recorded" value; the summary sheet counts the blanks).
  All the other columns come from the young person's latest record on or before the as-at date; the
  personal adviser from the latest record that names one (a record written by a duty worker may leave it
  blank while the adviser is unchanged).
  Ofsted's list also covers care leavers aged 16 and 22-25 still receiving services; the SSD does not say
  who they are, so the list keeps the marts' 17-21 cohort (a deliberate, documented difference).
columns:
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  uasc_ever: UASC now or formerly (a UASC status starting on or before the as-at date).
  has_disability: Disability recorded (null = unknown).
  allocated_team: Team on the latest care-leaver record (else the allocation on the as-at date).
  allocated_worker: Worker on the latest care-leaver record (else the allocation on the as-at date).
  personal_adviser: Personal adviser on the latest care-leaver record that names one (clea_care_leaver_personal_advisor).
  eligibility_code: relevant, former_relevant, qualifying, eligible or other.
  pathway_plan_review_date: Latest pathway plan review on or before the as-at date.
  in_touch_code: In-touch code on the latest record (YES, NO, DIED, REFU, NREQ, RHOM).
  latest_contact_date: Latest date of contact on or before the as-at date.
  accommodation_code: SSDA903 accommodation letter.
  accommodation_suitable: Accommodation suitable; null when not recorded.
  activity_code: SSDA903 main activity code.
tests:
  unique: [child_id]
  not_null: [child_id]
*/
with window_ as (
    select * from marts.annex_a_window
),

records as (
    select records.*, coalesce(records.latest_contact_date, records.pathway_plan_review_date) as record_date
    from staging.stg_case__care_leavers as records
),

latest as (
    select
        records.person_id,
        arg_max(records.in_touch_code, records.record_date) as in_touch_code,
        arg_max(records.eligibility, records.record_date) as eligibility,
        arg_max(records.accommodation_code, records.record_date) as accommodation_code,
        arg_max(records.is_accommodation_suitable, records.record_date) as accommodation_suitable,
        arg_max(records.activity_code, records.record_date) as activity_code,
        arg_max(records.team_id, records.record_date) as team_id,
        arg_max(records.worker_id, records.record_date) as worker_id,
        arg_max(records.personal_adviser, records.record_date) filter (where records.personal_adviser is not null)
            as personal_adviser,
        max(records.latest_contact_date) filter (where records.latest_contact_date <= window_.as_at_date)
            as latest_contact_date,
        max(records.pathway_plan_review_date) filter (where records.pathway_plan_review_date <= window_.as_at_date)
            as pathway_plan_review_date
    from records
    cross join window_
    where records.record_date <= window_.as_at_date
    group by records.person_id
),

looked_after as (
    select distinct care.person_id
    from intermediate.int_cla_periods_of_care as care
    cross join window_
    where reference.in_force(care.start_date, care.end_date, window_.as_at_date)
),

uasc as (
    select distinct status.person_id
    from staging.stg_case__immigration_status as status
    cross join window_
    where status.is_uasc and status.start_date <= window_.as_at_date
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    latest.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    uasc.person_id is not null as uasc_ever,
    children.has_disability,
    coalesce(teams.team_name, latest.team_id, children.allocated_team) as allocated_team,
    coalesce(latest.worker_id, children.allocated_worker) as allocated_worker,
    latest.personal_adviser,
    case replace(lower(trim(latest.eligibility)), ' ', '_')
        when 'relevant' then 'relevant'
        when 'former_relevant' then 'former_relevant'
        when 'qualifying' then 'qualifying'
        when 'eligible' then 'eligible'
        else 'other'
    end as eligibility_code,
    latest.pathway_plan_review_date,
    latest.in_touch_code,
    latest.latest_contact_date,
    latest.accommodation_code,
    latest.accommodation_suitable,
    latest.activity_code
from latest
inner join children on children.child_id = latest.person_id
left join looked_after on looked_after.person_id = latest.person_id
left join uasc on uasc.person_id = latest.person_id
left join teams on teams.team_id = latest.team_id
where children.age_years between 17 and 21
  and coalesce(latest.in_touch_code, '') not in ('DIED', 'RHOM', 'NREQ')
  and looked_after.person_id is null
order by latest.person_id
