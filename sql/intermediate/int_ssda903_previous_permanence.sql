/*
grain: one row per previous permanence record (ssd_cla_previous_permanence)
definition: |
  The child's previous permanence option for the SSDA903 PrevPerm table (903 guidance: for children starting
  to be looked after, whether they previously left care through adoption P1, special guardianship P2 or a
  residence / child arrangements order P3; P4 not known; Z1 none), from
  staging.stg_case__cla_previous_permanence, every record (the SSD does not tie a record to a period of care:
  marts.ssda903_prev_perm takes, for the year, the latest one whose order came before the child's start).
  DATE_PERM keeps the date as recorded, since DfE accepts part-known dates (zz/05/2020),
  written dd/mm/yyyy when whole.
columns:
  previous_permanence_id: The SSD record.
  person_id: The child.
  order_date: Date of the order when whole (null when part known or blank).
  prev_perm: P1-P4 or Z1.
  la_perm: Authority that arranged it, as recorded.
  date_perm: Date of the order as DfE writes it (dd/mm/yyyy, or zz for unknown parts).
tests:
  unique: [previous_permanence_id]
*/
select
    previous_permanence_id,
    person_id,
    order_date,
    previous_permanence_option as prev_perm,
    arranged_by_la as la_perm,
    case when order_date is not null then strftime(order_date, '%d/%m/%Y') else order_date_raw end as date_perm
from staging.stg_case__cla_previous_permanence
