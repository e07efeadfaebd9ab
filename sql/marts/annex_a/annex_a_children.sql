/*
grain: one row per person in the case system
materialized: view
definition: |
  The columns every Annex A list opens with, for each child, as at the Annex A as-at date
  (marts.annex_a_window): identifier, sex, ethnicity, date of birth, age, disability, and the allocated
  team and worker. A view, because age and allocation depend on the as-at date chosen.
  - Age of child: whole years on the as-at date; null when the date of birth is unknown or after it
    (unborn).
  - Disability: true when any disability other than NONE is recorded, false when only NONE is recorded,
    null (Annex A "Unknown") when nothing is recorded.
  - Allocated team and worker: the child's allocation (ssd_involvements) in force on the as-at date
    (started on or before it, not ended or ended after it); the latest-starting one if several. Team is the
    team's name from ssd_department where known, else its id; worker is the case system's worker id (the SSD
    carries no worker names).
columns:
  child_id: Case-system person id (Annex A Child Unique ID).
  sex: Sex as recorded (M, F, U).
  ethnicity_code: Ethnicity code as recorded (SSDA903/CIN codes, e.g. WBRI).
  date_of_birth: Date of birth; null if not recorded or unborn.
  age_years: Age in whole years on the as-at date.
  has_disability: True/false as recorded; null when nothing is recorded.
  allocated_team: Team allocated on the as-at date.
  allocated_worker: Worker id allocated on the as-at date.
*/
with window_ as (
    select * from marts.annex_a_window
),

people as (
    select * from staging.stg_case__person
),

disability as (
    select person_id, bool_or(disability_code <> 'NONE') as has_disability
    from staging.stg_case__disability
    group by person_id
),

teams as (
    select team_id, any_value(team_name) as team_name
    from staging.stg_case__department
    group by team_id
),

allocations as (
    select
        involvements.person_id,
        arg_max(involvements.team_id, involvements.start_date) as team_id,
        arg_max(involvements.worker_id, involvements.start_date) as worker_id
    from staging.stg_case__involvements as involvements
    cross join window_
    where reference.in_force(involvements.start_date, involvements.end_date, window_.as_at_date)
    group by involvements.person_id
)

select
    people.person_id as child_id,
    people.sex,
    people.ethnicity_code,
    people.date_of_birth,
    case when people.date_of_birth <= window_.as_at_date then
        reference.age_on(people.date_of_birth, window_.as_at_date)
    end as age_years,
    disability.has_disability,
    coalesce(teams.team_name, allocations.team_id) as allocated_team,
    allocations.worker_id as allocated_worker
from people
cross join window_
left join disability using (person_id)
left join allocations using (person_id)
left join teams on teams.team_id = allocations.team_id
