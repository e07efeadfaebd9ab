/*
grain: one row per reporting period, contact source and contact outcome that occurs
definition: |
  The MASH / front-door picture: contacts received in the period (contact date in the period; each contact
  counted, a child with two contacts counts twice) by source (CIN census referral-source code, grouped) and
  outcome (the furthest the contact went: new referral, existing referral, CP enquiry, ... no further action;
  see intermediate.int_contacts_classified). Shares are of all contacts in the period, and of the source's
  contacts. Whether a referral then resulted in no further action is marts.front_door (referrals_nfa_pct),
  not repeated here. Only combinations that occur are rows.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  source_group: Source family (individual, schools, education, health, housing, la_services, police, other_legal, other, anonymous, unknown).
  source_code: CIN census source code ('not_recorded' when blank).
  outcome: The contact's outcome.
  contacts: Contacts in the period from this source with this outcome.
  contacts_in_period: All contacts in the period.
  share_of_period_pct: contacts as a % of contacts_in_period, 1 dp.
  contacts_from_source: All contacts in the period from this source.
  share_of_source_pct: contacts as a % of contacts_from_source, 1 dp.
tests:
  unique: [period_type, period_label, source_code, outcome]
  not_null: [source_group, contacts, contacts_in_period, contacts_from_source]
*/
with periods as (
    select * from reference.reporting_periods
),

contacts as (
    select * from intermediate.int_contacts_classified
),

counted as (
    select
        periods.period_type,
        periods.period_label,
        contacts.source_group,
        contacts.source_code,
        contacts.outcome,
        count(*) as contacts
    from periods
    inner join contacts on contacts.contact_date between periods.period_start and periods.period_end
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    counted.source_group,
    counted.source_code,
    counted.outcome,
    counted.contacts,
    cast(sum(counted.contacts) over (partition by counted.period_type, counted.period_label) as bigint)
        as contacts_in_period,
    reference.share_pct(counted.contacts, sum(counted.contacts) over (partition by counted.period_type, counted.period_label))
        as share_of_period_pct,
    cast(sum(counted.contacts) over (partition by counted.period_type, counted.period_label, counted.source_code)
        as bigint) as contacts_from_source,
    reference.share_pct(counted.contacts, sum(counted.contacts) over (partition by counted.period_type, counted.period_label, counted.source_code))
        as share_of_source_pct
from counted
inner join periods using (period_type, period_label)
order by periods.period_type, periods.period_start, counted.source_code, counted.outcome
