/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Section 47 enquiries started (DfE CIN census; kpi_definitions 1.1; LAIT S47 per 10,000).
  - Numerator: S47 enquiries whose start date (the strategy discussion at which the enquiry was initiated)
    falls in the period; each enquiry counted, so a child with two enquiries counts twice.
  - Rate per 10,000: enquiries started / ONS mid-year population aged 0-17 for the financial year x 10,000,
    to 1 dp. For a month it is the month's enquiries over the same population, not annualised.
  - Exclusions: enquiries with no start date. Source: staging.stg_case__s47_enquiry (the list behind the
    count: enquiries with strategy_discussion_date in the period).
  - Context: of those started, how many led to an ICPC (a conference linked to the enquiry has been held,
    at any date up to the as-at date).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date (month- or year-to-date).
  population_0_17: ONS population aged 0-17 used for the rate.
  s47_started: S47 enquiries started in the period.
  s47_rate_per_10k: s47_started per 10,000 children aged 0-17, 1 dp.
  s47_children: Distinct children with an enquiry started in the period.
  s47_led_to_icpc: Enquiries started in the period that a held ICPC followed.
  s47_led_to_icpc_pct: s47_led_to_icpc as a % of s47_started, 1 dp.
tests:
  unique: [period_type, period_label]
  not_null: [s47_started, population_0_17, s47_rate_per_10k]
*/
with periods as (
    select * from reference.reporting_periods
),

enquiries as (
    select * from staging.stg_case__s47_enquiry
    where strategy_discussion_date is not null
),

conferences as (
    select distinct s47_enquiry_id from intermediate.int_icpc_timed
    where s47_enquiry_id is not null
),

counts as (
    select
        periods.period_type,
        periods.period_label,
        count(enquiries.s47_enquiry_id) as s47_started,
        count(distinct enquiries.person_id) as s47_children,
        count(conferences.s47_enquiry_id) as s47_led_to_icpc
    from periods
    left join enquiries
        on enquiries.strategy_discussion_date between periods.period_start and periods.period_end
    left join conferences using (s47_enquiry_id)
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.population_0_17,
    counts.s47_started,
    reference.rate_per_10k(counts.s47_started, periods.population_0_17) as s47_rate_per_10k,
    counts.s47_children,
    counts.s47_led_to_icpc,
    reference.pct(counts.s47_led_to_icpc, counts.s47_started) as s47_led_to_icpc_pct
from periods
inner join counts using (period_type, period_label)
order by periods.period_type, periods.period_start
