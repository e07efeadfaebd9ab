/*
grain: one row per person with an allocation (ssd_involvements) in the extract
definition: |
  Who a data-quality issue goes to when its own record names no team or worker: the child's allocation in
  force on the as-at date (started on or before it, not ended or ended after it; the latest-starting if
  several), else the most recent allocation the child ever had (a closed case is corrected by the team that
  last held it). Team names come from ssd_department where known, else the id is shown.
columns:
  person_id: The child.
  team_id: Allocated team id.
  team_name: Allocated team's name (ssd_department), else its id.
  worker_id: Allocated worker id (the case system's prof_professional_id).
  is_current: True when the allocation is in force on the as-at date.
tests:
  unique: [person_id]
  not_null: [person_id, is_current]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

involvements as (
    select * from staging.stg_case__involvements
),

ranked as (
    select
        involvements.person_id,
        involvements.team_id,
        involvements.worker_id,
        involvements.start_date <= scope.as_at_date
            and (involvements.end_date is null or involvements.end_date > scope.as_at_date) as is_current,
        involvements.start_date,
        involvements.involvement_id
    from involvements
    cross join scope
    where involvements.person_id is not null
      and involvements.start_date <= scope.as_at_date
),

chosen as (
    select
        person_id,
        arg_max(team_id, (is_current, start_date, involvement_id)) as team_id,
        arg_max(worker_id, (is_current, start_date, involvement_id)) as worker_id,
        bool_or(is_current) as is_current
    from ranked
    group by person_id
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
)

select
    chosen.person_id,
    chosen.team_id,
    coalesce(teams.team_name, chosen.team_id) as team_name,
    chosen.worker_id,
    chosen.is_current
from chosen
left join teams using (team_id)
