/*
grain: one row per previous permanence record (ssd_cla_previous_permanence)
definition: |
  Whether a child starting to be looked after had left care before through a permanence order (SSD
  ssd_cla_previous_permanence; SSDA903 PrevPerm PREV_PERM, LA_PERM, DATE_PERM), renamed and typed. DfE: "This
  should be completed for all children who start to be looked after", for children who previously ceased to be
  looked after through an adoption order (P1), a special guardianship order (P2) or a residence order / child
  arrangements order naming with whom the child lives (P3); P4 when the authority does not know, Z1 when the
  child had none. The order date may be part-known (SSDA903 guidance): zz/05/2020 (month and year known),
  zz/zz/2021 (year only), zz/zz/zzzz (not known): order_date holds a whole date only; order_year and
  order_month hold the parts known. The SSD does not link the record to a period of care.
columns:
  previous_permanence_id: Record id (lapp_table_id).
  person_id: The child (lapp_person_id).
  previous_permanence_option: P1, P2, P3, P4 or Z1, upper-cased (lapp_previous_permanence_option).
  arranged_by_la: Name of the authority that arranged the previous permanence option, as recorded (lapp_previous_permanence_la).
  order_date_raw: Date of the order as sent, possibly part-known (lapp_previous_permanence_order_date).
  order_date: Date of the order when wholly known (dd/mm/yyyy or yyyy-mm-dd).
  order_month: Month of the order when known.
  order_year: Year of the order when known.
tests:
  unique: [previous_permanence_id]
  not_null: [previous_permanence_id, person_id]
*/
with records as (
    select
        *,
        lower(nullif(trim(lapp_previous_permanence_order_date), '')) as raw_date
    from lake.case__ssd_cla_previous_permanence
),

dated as (
    select
        *,
        coalesce(try_cast(try_strptime(raw_date, '%d/%m/%Y') as date), try_cast(raw_date as date)) as whole_date
    from records
)

select
    lapp_table_id as previous_permanence_id,
    lapp_person_id as person_id,
    upper(nullif(trim(lapp_previous_permanence_option), '')) as previous_permanence_option,
    nullif(trim(lapp_previous_permanence_la), '') as arranged_by_la,
    lapp_previous_permanence_order_date as order_date_raw,
    whole_date as order_date,
    cast(coalesce(month(whole_date), try_cast(regexp_extract(raw_date, '^(?:[0-9]{1,2}|zz)/([0-9]{1,2})/[0-9]{4}$', 1) as integer))
        as integer) as order_month,
    cast(coalesce(year(whole_date), try_cast(regexp_extract(raw_date, '^(?:[0-9]{1,2}|zz)/(?:[0-9]{1,2}|zz)/([0-9]{4})$', 1) as integer))
        as integer) as order_year
from dated
