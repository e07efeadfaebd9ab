/*
grain: one row per child with a previous permanence record (ssd_cla_previous_permanence)
definition: |
  The child's previous permanence option for the SSDA903 PrevPerm table (903 guidance: for children starting
  to be looked after, whether they previously left care through adoption P1, special guardianship P2 or a
  residence / child arrangements order P3; P4 not known; Z1 none), from
  staging.stg_case__cla_previous_permanence: the latest record (by record id; the SSD does not tie it to a
  period of care). DATE_PERM keeps the date as recorded, since DfE accepts part-known dates (zz/05/2020),
  written dd/mm/yyyy when whole.
columns:
  person_id: The child.
  prev_perm: P1-P4 or Z1.
  la_perm: Authority that arranged it, as recorded.
  date_perm: Date of the order as DfE writes it (dd/mm/yyyy, or zz for unknown parts).
tests:
  unique: [person_id]
*/
select
    person_id,
    arg_max(previous_permanence_option, previous_permanence_id) as prev_perm,
    arg_max(arranged_by_la, previous_permanence_id) as la_perm,
    arg_max(
        case when order_date is not null then strftime(order_date, '%d/%m/%Y') else order_date_raw end,
        previous_permanence_id
    ) as date_perm
from staging.stg_case__cla_previous_permanence
group by person_id
