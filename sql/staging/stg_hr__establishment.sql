/*
grain: one row per team, role and effective date (HR extract, schemas/hr/establishment.yml)
definition: |
  Funded posts in full-time equivalents per team and role, from an effective date until a later row for
  the same team and role replaces it.
columns:
  team_id: Team (case system team id).
  role: Post, same code list as stg_hr__workers.role.
  funded_fte: Funded FTE.
  effective_from: Date the figure takes effect.
tests:
  unique: [team_id, role, effective_from]
  not_null: [team_id, role, funded_fte, effective_from]
*/
select
    trim(team_id) as team_id,
    lower(trim(role)) as role,
    funded_fte,
    effective_from
from lake.hr__establishment
