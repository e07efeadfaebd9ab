/*
grain: one row per reporting period and child with a child in need episode open at the period's reference date
definition: |
  The children behind "children in need at 31 March" (DfE CIN census; kpi_definitions 1.1: open CIN episodes
  at 31 March per 10,000 children aged 0-17), taken at every reference date: the period's last day
  (month-end, or 31 March for a financial year), or the as-at date for the period in progress.
  Open at date d: referral date <= d and (no close date, or close date > d); an episode closing on 31 March
  has ceased by then. Every open episode counts whatever the case's later route (CIN plan, CP plan, looked
  after), as in the census. DfE counts children, so a child with two open episodes is one row carrying the
  latest referral, with open_episodes showing how many were open.
  Excluded: referrals that resulted in no further action (is_nfa), whatever their dates. DfE (LAIT
  CIN_Refferals_NFA): "referrals resulting in no further action are not included in the other children in
  need population measures (eg, the number of children in need at 31 March)". A case system that leaves an
  NFA referral open for days, or never closes it, would otherwise count the child as in need.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  reference_date: The snapshot date - period end, or the as-at date for a period in progress.
  person_id: The child.
  referral_id: The child's open episode (the latest referral if several are open).
  referral_date: Date of that referral.
  open_episodes: Number of the child's episodes open at the reference date.
  days_open: reference_date minus referral_date, in days.
tests:
  unique: [period_type, period_label, person_id]
  not_null: [reference_date, referral_id, referral_date]
*/
with periods as (
    select
        periods.period_type,
        periods.period_label,
        periods.snapshot_date as reference_date,
        cast(date_trunc('month', periods.snapshot_date) as date) as reference_month
    from reference.reporting_periods as periods
),

bounds as (
    select min(reference_month) as first_month, max(reference_month) as last_month from periods
),

-- Each episode numbered in (referral_date, referral_id) order, so the latest open episode is the one with the
-- greatest number: a fixed-width aggregate state that spills to disk. arg_max over a (date, id) struct or a max over
-- a string kept its states outside DuckDB's memory limit and ran out of memory at national scale (12 M children).
episodes as (
    select referral_id, person_id, referral_date, close_date,
        row_number() over (order by referral_date, referral_id) as recency
    from staging.stg_case__cin_episodes
    where referral_date is not null
        and not coalesce(is_nfa, false)
),

-- An episode open at d has referral_date <= d < close_date, so d's month lies between the referral's month and
-- the close's month (or the last reference month while open). Listing each episode's months in that span (within
-- the reporting periods) lets periods join episodes on the month, a hash join, instead of pairing every period
-- with every episode referred before it; the open-at-d test itself is unchanged.
episode_months as (
    select episodes.*, cast(unnest(range(
        cast(greatest(cast(date_trunc('month', episodes.referral_date) as date), bounds.first_month) as timestamp),
        cast(least(cast(date_trunc('month', coalesce(episodes.close_date, bounds.last_month)) as date), bounds.last_month)
            as timestamp) + interval 1 month,
        interval 1 month)) as date) as open_month
    from episodes
    cross join bounds
),

-- One row per child and reference date by a hash aggregate (it spills to disk), not a window over every open
-- episode: at national scale (12 M children) the window could not be held in a 4 GB memory limit. The latest
-- referral is the one with the greatest (referral_date, referral_id), the order the window used.
open_episodes as (
    select
        periods.period_type,
        periods.period_label,
        periods.reference_date,
        episodes.person_id,
        max(episodes.recency) as recency,
        count(*) as open_episodes
    from periods
    inner join episode_months as episodes
        on episodes.open_month = periods.reference_month
        and episodes.referral_date <= periods.reference_date
        and coalesce(episodes.close_date, date 'infinity') > periods.reference_date
    group by periods.period_type, periods.period_label, periods.reference_date, episodes.person_id
)

select
    open_episodes.period_type,
    open_episodes.period_label,
    open_episodes.reference_date,
    open_episodes.person_id,
    latest.referral_id,
    latest.referral_date,
    open_episodes.open_episodes,
    open_episodes.reference_date - latest.referral_date as days_open
from open_episodes
inner join episodes as latest on latest.recency = open_episodes.recency
