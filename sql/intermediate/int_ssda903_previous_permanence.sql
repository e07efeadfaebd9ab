/*
grain: one row per child with a previous permanence record (ssd_cla_previous_permanence)
definition: |
  The child's previous permanence option for the SSDA903 PrevPerm table: the latest record. Placeholder until
  the ssd_cla_previous_permanence staging model lands (branch ssd-data): no records yet.
columns:
  person_id: The child.
  prev_perm: P1-P4 or Z1.
  la_perm: Authority that arranged the order.
  date_perm: Date of the order.
tests:
  unique: [person_id]
*/
select
    cast(null as varchar) as person_id,
    cast(null as varchar) as prev_perm,
    cast(null as varchar) as la_perm,
    cast(null as date) as date_perm
where false
