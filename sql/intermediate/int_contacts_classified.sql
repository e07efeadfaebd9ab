/*
grain: one row per contact
definition: |
  Each contact to the front door given one outcome for the "contacts by source and outcome" picture. The SSD
  outcome can flag several things at once, so the outcome shown is the first flagged in this order (the
  furthest the contact went): new referral, added to an existing referral, child protection enquiry, another
  authority's CP plan, private fostering, non-agency adoption, missing, early help, information and advice,
  no further action, other; 'not_recorded' when nothing is flagged. The flags themselves stay in
  staging.stg_case__contacts for any other cut.
columns:
  contact_id: Contact id.
  person_id: The child.
  contact_date: Date the contact was received.
  source_code: CIN census source code; 'not_recorded' when blank.
  source_group: The source's family - individual, schools, education, health, housing, la_services, police, other_legal, other, anonymous, unknown.
  outcome: The contact's outcome (see definition).
  led_to_referral: True when the contact became a new referral or joined an existing one.
tests:
  unique: [contact_id]
  not_null: [contact_id, contact_date, source_code, source_group, outcome, led_to_referral]
*/
with contacts as (
    select * from staging.stg_case__contacts
    where contact_date is not null
),

classified as (
    select
        contact_id,
        person_id,
        contact_date,
        coalesce(nullif(upper(trim(source_code)), ''), 'not_recorded') as source_code,
        case
            when is_new_referral then 'new_referral'
            when is_existing_referral then 'existing_referral'
            when is_cp_enquiry then 'cp_enquiry'
            when is_other_la_cp then 'other_la_cp_plan'
            when is_private_fostering then 'private_fostering'
            when is_non_agency_adoption then 'non_agency_adoption'
            when is_missing then 'missing'
            when is_early_help then 'early_help'
            when is_advice then 'information_and_advice'
            when is_nfa then 'no_further_action'
            when is_other_outcome then 'other'
            else 'not_recorded'
        end as outcome,
        coalesce(is_new_referral, false) or coalesce(is_existing_referral, false) as led_to_referral
    from contacts
)

select
    contact_id,
    person_id,
    contact_date,
    source_code,
    case
        when source_code in ('1A', '1B', '1C', '1D') then 'individual'
        when source_code = '2A' then 'schools'
        when source_code = '2B' then 'education'
        when source_code like '3_' then 'health'
        when source_code = '4' then 'housing'
        when source_code like '5_' then 'la_services'
        when source_code = '6' then 'police'
        when source_code = '7' then 'other_legal'
        when source_code = '8' then 'other'
        when source_code = '9' then 'anonymous'
        else 'unknown'
    end as source_group,
    outcome,
    led_to_referral
from classified
