/*
grain: one row per substance misuse record of a looked-after child (ssd_cla_substance_misuse)
definition: |
  Substance misuse problems identified and whether an intervention was received, for the SSDA903 OC2
  items. Placeholder until the ssd_cla_substance_misuse staging model lands (branch ssd-data): no rows yet.
columns:
  person_id: The child.
  misuse_date: Date the problem was recorded.
  intervention_received: True when the child received an intervention; null when not recorded.
*/
select cast(null as varchar) as person_id, cast(null as date) as misuse_date, cast(null as boolean) as intervention_received
where false
