/*
grain: one row per child and family assessment open at some time in the Annex A window
definition: |
  Annex A List 4 (assessments). Who is on it: every assessment under way at some time in the window:
  started on or before the as-at date (an assessment with no start date is dated by its authorisation) and
  not authorised before window_start. So assessments started in the window, assessments completed in it and
  assessments still open at the as-at date are all listed, one row per assessment. An authorisation after
  the as-at date is not shown (the assessment was open then). Source: staging.stg_case__cin_assessments;
  those authorised in the window are exactly the rows behind front_door assessments_completed
  (intermediate.int_assessments_timed) summed over the window's months.
  - Assessed as requiring LA children's social care support: for an authorised assessment, not NFA; blank
    while open.
columns:
  assessment_id: Assessment id (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  has_disability: Disability recorded (null = unknown).
  assessment_start_date: Continuous assessment start date.
  child_seen: Child seen during the assessment (null = unknown).
  authorised_date: Date of authorisation, if on or before the as-at date.
  requires_support: Assessed as requiring LA children's social care support; null while open.
  allocated_team: Allocated team.
  allocated_worker: Allocated worker id.
tests:
  unique: [assessment_id]
  not_null: [child_id]
*/
with window_ as (
    select * from marts.annex_a_window
),

assessments as (
    select assessments.*, window_.as_at_date,
        case when assessments.authorised_date <= window_.as_at_date then assessments.authorised_date end as authorised_by_as_at
    from staging.stg_case__cin_assessments as assessments
    cross join window_
    where coalesce(assessments.start_date, assessments.authorised_date) <= window_.as_at_date
      and (assessments.authorised_date is null or assessments.authorised_date >= window_.window_start)
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
)

select
    assessments.assessment_id,
    assessments.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    children.has_disability,
    coalesce(assessments.start_date, assessments.authorised_date) as assessment_start_date,
    assessments.child_seen,
    assessments.authorised_by_as_at as authorised_date,
    case when assessments.authorised_by_as_at is not null then not coalesce(assessments.is_nfa, false) end as requires_support,
    coalesce(children.allocated_team, teams.team_name, assessments.team_id) as allocated_team,
    coalesce(children.allocated_worker, assessments.worker_id) as allocated_worker
from assessments
left join children on children.child_id = assessments.person_id
left join teams on teams.team_id = assessments.team_id
order by assessment_start_date, assessments.assessment_id
