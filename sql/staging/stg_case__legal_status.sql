/*
grain: one row per legal status record (ssd_legal_status)
definition: |
  Legal statuses of looked-after children (SSDA903 LS codes: C1, C2, D1, E1, J1-J3, L1-L3, V2, V3, V4),
  renamed from the SSD and typed. V3/V4 are agreed series of short-term breaks, excluded from every CLA
  statistic downstream. A status runs from its start date up to (not including) its end date.
columns:
  legal_status_id: Legal status record id (lega_legal_status_id).
  person_id: The child (lega_person_id).
  legal_status_code: SSDA903 legal status code (lega_legal_status), trimmed and upper-cased.
  start_date: Date the legal status started (lega_legal_status_start_date).
  end_date: Date the legal status ended (lega_legal_status_end_date); null while current.
tests:
  unique: [legal_status_id]
  not_null: [legal_status_id, person_id]
*/
select
    lega_legal_status_id as legal_status_id,
    lega_person_id as person_id,
    nullif(upper(trim(lega_legal_status)), '') as legal_status_code,
    lega_legal_status_start_date as start_date,
    lega_legal_status_end_date as end_date
from lake.case__ssd_legal_status
