/*
grain: one row per reporting period and child looked after at any time in the period (short breaks excluded)
definition: |
  The child-level list behind the flow measures of children looked after. The window is the period start
  to its snapshot date (period end, or the as-at date for the period in progress).
  - Looked after during the period: a period of care that started on or before the window end and had
    not ceased before the window start (a child ceasing on the period's first day was looked after that
    day and counts).
  - Started: a period of care started in the window; a child starting twice counts once (DfE counts
    children, first occasion); is_uasc_at_start is that first start's UASC status.
  - Ceased: a period of care ceased in the window; a child ceasing twice counts once, on the last occasion
    (DfE), whose reason decides adopted (setting cla_adoption_ceased_reasons, E11/E12) or special
    guardianship (setting cla_sgo_ceased_reasons, E43-E48).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  person_id: The child.
  started_in_period: True when the child started to be looked after in the period.
  first_start_date: Date of the child's first start in the period.
  is_uasc_starter: True when the child started in the period with a UASC status in force on that day.
  ceased_in_period: True when the child ceased to be looked after in the period.
  last_ceased_date: Date of the child's last ceasing in the period.
  last_ceased_reason_code: SSDA903 reason for that last ceasing.
  ceased_adopted: Last ceasing was an adoption (E11/E12).
  ceased_sgo: Last ceasing was a special guardianship order (E43-E48).
tests:
  unique: [period_type, period_label, person_id]
  not_null: [person_id, started_in_period, ceased_in_period]
*/
with periods as (
    select
        reporting_periods.*
    from reference.reporting_periods
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

overlapping as (
    select periods.period_type, periods.period_label, periods.period_start, periods.snapshot_date, care.*
    from periods
    inner join care
        on care.start_date <= periods.snapshot_date
        and (care.end_date is null or care.end_date >= periods.period_start)
),

per_child as (
    select
        period_type,
        period_label,
        person_id,
        count(*) filter (where start_date >= period_start) > 0 as started_in_period,
        min(start_date) filter (where start_date >= period_start) as first_start_date,
        arg_min(is_uasc_at_start, start_date) filter (where start_date >= period_start) as first_start_uasc,
        count(*) filter (where end_date between period_start and snapshot_date) > 0 as ceased_in_period,
        max(end_date) filter (where end_date between period_start and snapshot_date) as last_ceased_date,
        arg_max(ceased_reason_code, end_date) filter (where end_date between period_start and snapshot_date) as last_ceased_reason_code
    from overlapping
    group by all
)

select
    period_type,
    period_label,
    person_id,
    started_in_period,
    first_start_date,
    coalesce(first_start_uasc, false) as is_uasc_starter,
    ceased_in_period,
    last_ceased_date,
    last_ceased_reason_code,
    coalesce(list_contains(string_split(reference.setting('cla_adoption_ceased_reasons'), ','), last_ceased_reason_code), false) as ceased_adopted,
    coalesce(list_contains(string_split(reference.setting('cla_sgo_ceased_reasons'), ','), last_ceased_reason_code), false) as ceased_sgo
from per_child
