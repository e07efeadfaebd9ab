/*
grain: one row per child with a unique pupil number in ssd_linked_identifiers
definition: |
  The child's UPN for the SSDA903 Header: identifiers of type UPN (ssd_linked_identifiers), the one
  valid latest (valid-from date, then record id). Placeholder until the ssd_linked_identifiers staging
  model lands (branch ssd-data): no UPNs yet.
columns:
  person_id: The child.
  upn: Unique pupil number, 13 characters.
tests:
  unique: [person_id]
*/
select cast(null as varchar) as person_id, cast(null as varchar) as upn
where false
