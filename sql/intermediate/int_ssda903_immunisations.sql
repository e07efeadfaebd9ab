/*
grain: one row per immunisation status record (ssd_cla_immunisations)
definition: |
  Whether the child's immunisations are up to date, for the SSDA903 OC2 IMMUNISATIONS item. Placeholder until
  the ssd_cla_immunisations staging model lands (branch ssd-data): no rows yet.
columns:
  person_id: The child.
  status_date: Date of the status.
  is_up_to_date: True when immunisations are up to date.
*/
select cast(null as varchar) as person_id, cast(null as date) as status_date, cast(null as boolean) as is_up_to_date
where false
