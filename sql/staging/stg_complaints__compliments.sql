/*
grain: one row per compliment (complaints system extract, schemas/complaints/compliments.yml)
definition: |
  Compliments received about children's social care, renamed and typed. No statutory definition: counted
  only (kpi_definitions.md §3). The free-text summary is not carried forward.
columns:
  compliment_id: Compliment reference.
  received_date: Date received.
  team_id: Team complimented (case system team id).
  service_area: Service area as the complaints system records it.
  source: Who gave it (child_or_young_person, parent_or_carer, foster_carer, professional, other).
tests:
  unique: [compliment_id]
  not_null: [compliment_id, received_date]
*/
select
    trim(compliment_id) as compliment_id,
    received_date,
    nullif(trim(team_id), '') as team_id,
    nullif(trim(service_area), '') as service_area,
    nullif(lower(trim(source)), '') as source
from lake.complaints__compliments
