/*
grain: one row per conviction of a looked-after child (ssd_cla_convictions)
definition: |
  Convictions, for the SSDA903 OC2 CONVICTED item. Placeholder until the ssd_cla_convictions staging model
  lands (branch ssd-data): no rows yet.
columns:
  person_id: The child.
  conviction_date: Date of the conviction.
*/
select cast(null as varchar) as person_id, cast(null as date) as conviction_date
where false
