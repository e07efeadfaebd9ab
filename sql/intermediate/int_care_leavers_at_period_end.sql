/*
grain: one row per reporting period and care leaver open at the period's snapshot date
definition: |
  Care leavers the authority supports at the snapshot date (period end, or the as-at date for the period
  in progress): young people with an ssd_care_leavers record dated on or before the snapshot date, aged 17
  to 21 on it, not looked after on it, whose latest record by then is not DIED, RHOM (returned home) or
  NREQ (no longer requires services). Pathway plan reviewed in the last 6 months (setting
  care_leaver_pathway_review_months; Care Leavers (England) Regulations 2010 reg 7): the latest pathway plan
  review on or before the snapshot date falls in the 6 months up to it. Local measure.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  snapshot_date: Period end, or the as-at date for the period in progress.
  person_id: The young person.
  age_on_snapshot: Age in whole years on snapshot_date.
  latest_pathway_review_date: Latest pathway plan review on or before snapshot_date.
  pathway_review_in_6_months: True when that review is within the 6 months up to snapshot_date.
tests:
  unique: [period_type, period_label, person_id]
  not_null: [snapshot_date, person_id, pathway_review_in_6_months]
*/
with periods as (
    select
        reporting_periods.*
    from reference.reporting_periods
),

records as (
    select *, coalesce(latest_contact_date, pathway_plan_review_date) as record_date
    from staging.stg_case__care_leavers
),

people as (
    select person_id, date_of_birth from staging.stg_case__person where date_of_birth is not null
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

latest as (
    select
        periods.period_type,
        periods.period_label,
        periods.snapshot_date,
        records.person_id,
        arg_max(records.in_touch_code, records.record_date) as latest_in_touch_code,
        max(records.pathway_plan_review_date) filter (where records.pathway_plan_review_date <= periods.snapshot_date)
            as latest_pathway_review_date
    from periods
    inner join records on records.record_date <= periods.snapshot_date
    group by all
),

aged as (
    select
        latest.*,
        reference.age_on(people.date_of_birth, latest.snapshot_date)
            as age_on_snapshot
    from latest
    inner join people using (person_id)
)

select
    period_type,
    period_label,
    snapshot_date,
    person_id,
    age_on_snapshot,
    latest_pathway_review_date,
    coalesce(latest_pathway_review_date
        > cast(snapshot_date - to_months(reference.setting_int('care_leaver_pathway_review_months')) as date), false)
        as pathway_review_in_6_months
from aged
where age_on_snapshot between 17 and 21
  and coalesce(latest_in_touch_code, '') not in ('DIED', 'RHOM', 'NREQ')
  and not exists (
      select 1 from care
      where care.person_id = aged.person_id
        and reference.in_force(care.start_date, care.end_date, aged.snapshot_date))
