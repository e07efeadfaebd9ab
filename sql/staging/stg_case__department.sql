/*
grain: one row per team or department (ssd_department)
definition: |
  The case system's team hierarchy, renamed from the SSD. A team's parent is its service.
columns:
  team_id: Team id (dept_team_id).
  team_name: Team name (dept_team_name).
  parent_team_id: Parent department id (dept_team_parent_id); null at the top.
  parent_team_name: Parent department name (dept_team_parent_name).
tests:
  unique: [team_id]
  not_null: [team_id]
*/
select
    trim(dept_team_id) as team_id,
    dept_team_name as team_name,
    nullif(trim(dept_team_parent_id), '') as parent_team_id,
    nullif(trim(dept_team_parent_name), '') as parent_team_name
from lake.case__ssd_department
