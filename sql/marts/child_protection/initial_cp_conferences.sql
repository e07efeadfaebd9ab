/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Initial child protection conferences (DfE CIN census; kpi_definitions 1.1; LAIT ICPC per 10,000 and
  CP_conf_15days).
  - ICPCs: conferences held in the period (conference date in the period), each counted, INCLUDING
    transfer-in conferences.
  - Rate per 10,000: ICPCs / ONS population aged 0-17 for the financial year x 10,000, 1 dp (months not
    annualised).
  - Within 15 working days (%): ICPCs held within icpc_within_working_days (15) working days of the strategy
    discussion that started the S47 enquiry / ICPCs that can be timed (intermediate.int_icpc_timed: working
    days strictly after the strategy discussion up to and including the conference day, England bank
    holidays excluded; day 15 in time, day 16 not). Denominator choice (unverified, setting
    icpc_timeliness_excludes_transfer_in = 1): transfer-in ICPCs and ICPCs whose S47 is missing from the
    extract are left out of the %, since no strategy discussion of this authority starts their clock.
  - Bands as DfE publishes them: 0-10, 11-15, 16-20, 21+ working days.
  Source: intermediate.int_icpc_timed (the list behind every count here).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  population_0_17: ONS population aged 0-17 used for the rate.
  icpcs: ICPCs held in the period, transfer-in included.
  icpc_rate_per_10k: icpcs per 10,000 children aged 0-17, 1 dp.
  icpcs_transfer_in: Transfer-in ICPCs among icpcs.
  icpcs_timed: ICPCs in the timeliness denominator.
  icpcs_within_15wd: Timed ICPCs held within 15 working days of the strategy discussion.
  icpcs_within_15wd_pct: icpcs_within_15wd as a % of icpcs_timed, 1 dp.
  icpcs_0_10wd: Timed ICPCs held 0-10 working days after the strategy discussion.
  icpcs_11_15wd: Timed ICPCs held 11-15 working days after.
  icpcs_16_20wd: Timed ICPCs held 16-20 working days after.
  icpcs_21plus_wd: Timed ICPCs held 21 or more working days after.
tests:
  unique: [period_type, period_label]
  not_null: [icpcs, icpcs_timed, population_0_17, icpc_rate_per_10k]
*/
with periods as (
    select * from reference.reporting_periods
),

conferences as (
    select * from intermediate.int_icpc_timed
),

counts as (
    select
        periods.period_type,
        periods.period_label,
        count(conferences.icpc_id) as icpcs,
        count(conferences.icpc_id) filter (where conferences.is_transfer_in) as icpcs_transfer_in,
        count(conferences.icpc_id) filter (where conferences.is_timed) as icpcs_timed,
        count(conferences.icpc_id) filter (where conferences.within_timescale) as icpcs_within_15wd,
        count(conferences.icpc_id) filter (where conferences.duration_band = '0-10') as icpcs_0_10wd,
        count(conferences.icpc_id) filter (where conferences.duration_band = '11-15') as icpcs_11_15wd,
        count(conferences.icpc_id) filter (where conferences.duration_band = '16-20') as icpcs_16_20wd,
        count(conferences.icpc_id) filter (where conferences.duration_band = '21+') as icpcs_21plus_wd
    from periods
    left join conferences
        on conferences.conference_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.population_0_17,
    counts.icpcs,
    reference.rate_per_10k(counts.icpcs, periods.population_0_17) as icpc_rate_per_10k,
    counts.icpcs_transfer_in,
    counts.icpcs_timed,
    counts.icpcs_within_15wd,
    reference.pct(counts.icpcs_within_15wd, counts.icpcs_timed) as icpcs_within_15wd_pct,
    counts.icpcs_0_10wd,
    counts.icpcs_11_15wd,
    counts.icpcs_16_20wd,
    counts.icpcs_21plus_wd
from periods
inner join counts using (period_type, period_label)
order by periods.period_type, periods.period_start
