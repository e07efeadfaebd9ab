/*
grain: one row for the whole build
definition: |
  How far back the case extract's history is complete. An SSD extract holds the referrals (CIN episodes)
  closed within its look-back window (six years by default) and every record open since, so before the
  window's start the extract has lost the cases that closed then: its first financial year shows too few
  re-referrals, S47 enquiries and repeat plans. history_start is setting extract_history_start when set,
  else the earliest close date of a closed referral in the extract (the look-back's edge: nothing closed
  before it survived). A period's figures are complete when the period starts at least
  dq_history_lookback_months (12) after history_start, since the indicators look back up to 12 months
  (re-referrals within 12 months, 3+ placements in 12 months). With no closed referral in the extract
  (a very small extract), nothing is known to be missing and every period is complete.
columns:
  history_start: First day the extract holds every record from (setting or inferred).
  history_start_source: setting extract_history_start, or inferred from the earliest closed referral.
  history_complete_from: First period start whose figures have the full look-back; null when unknown (all complete).
  reason: Why periods starting earlier are incomplete, in words.
tests:
  not_null: [history_start_source]
*/
with setting as (
    select try_cast(nullif(trim(reference.setting('extract_history_start')), '') as date) as history_start
),

inferred as (
    select min(close_date) as history_start from staging.stg_case__cin_episodes where close_date is not null
),

chosen as (
    select
        coalesce(setting.history_start, inferred.history_start) as history_start,
        case when setting.history_start is not null then 'setting extract_history_start'
            else 'inferred from the earliest closed referral' end as history_start_source
    from setting
    cross join inferred
)

select
    history_start,
    history_start_source,
    cast(history_start + to_months(reference.setting_int('dq_history_lookback_months')) as date) as history_complete_from,
    'the case extract holds records only from ' || strftime(history_start, '%d/%m/%Y') || ' (' || history_start_source
        || '); a period starting before ' || strftime(cast(history_start
            + to_months(reference.setting_int('dq_history_lookback_months')) as date), '%d/%m/%Y')
        || ' lacks cases closed earlier and the ' || reference.setting('dq_history_lookback_months')
        || ' months of history its measures look back over' as reason
from chosen
