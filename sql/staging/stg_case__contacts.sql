/*
grain: one row per contact to the front door (ssd_contacts)
definition: |
  Contacts received by children's social care (the MASH / front door), renamed and typed. The outcome is a
  JSON object of Y/N flags (SSD: NEW_REFERRAL_FLAG, EXISTING_REFERRAL_FLAG, CP_ENQUIRY_FLAG, NFA_FLAG,
  NON_AGENCY_ADOPTION_FLAG, PRIVATE_FOSTERING_FLAG, ADVICE_FLAG, MISSING_FLAG, OLA_CP_FLAG,
  OTHER_OUTCOMES_EXIST_FLAG); each flag becomes a column. Some systems send the outcome as text from the
  SSD contact-outcome list instead ('No Further Action', 'Information and Advice', 'EH Referral',
  'CIN Referral'), read into the same flags (an EH referral is a referral to early help). A flag the
  outcome does not mention is null.
columns:
  contact_id: Contact id (cont_contact_id).
  person_id: The child (cont_person_id).
  contact_date: Date the contact was received (cont_contact_date).
  source_code: Source of the contact, CIN census referral-source code (cont_contact_source_code).
  source_description: Source as described by the case system (cont_contact_source_desc).
  outcome_raw: Outcome as sent (cont_contact_outcome_json).
  is_new_referral: Outcome flag - a new referral to children's social care.
  is_existing_referral: Outcome flag - added to an already open referral.
  is_cp_enquiry: Outcome flag - child protection (S47) enquiry.
  is_nfa: Outcome flag - no further action.
  is_non_agency_adoption: Outcome flag - non-agency adoption.
  is_private_fostering: Outcome flag - private fostering.
  is_advice: Outcome flag - information and advice.
  is_missing: Outcome flag - missing child.
  is_other_la_cp: Outcome flag - child on another authority's CP plan.
  is_early_help: Outcome flag - passed to early help (text outcome 'EH Referral' only).
  is_other_outcome: Outcome flag - other outcomes exist.
tests:
  unique: [contact_id]
  not_null: [contact_id, person_id]
*/
with contacts as (
    select
        *,
        coalesce(json_valid(cont_contact_outcome_json), false) as is_json,
        -- json functions see valid JSON only: DuckDB may evaluate every CASE branch on every row
        case when json_valid(cont_contact_outcome_json) then cont_contact_outcome_json else '{}' end as outcome_json,
        lower(trim(cont_contact_outcome_json)) as outcome_text
    from lake.case__ssd_contacts
)

select
    cont_contact_id as contact_id,
    cont_person_id as person_id,
    cont_contact_date as contact_date,
    cont_contact_source_code as source_code,
    cont_contact_source_desc as source_description,
    cont_contact_outcome_json as outcome_raw,
    case when is_json then reference.yes_no(outcome_json ->> '$.NEW_REFERRAL_FLAG')
        when outcome_text is not null then outcome_text like '%cin referral%' end as is_new_referral,
    case when is_json then reference.yes_no(outcome_json ->> '$.EXISTING_REFERRAL_FLAG') end
        as is_existing_referral,
    case when is_json then reference.yes_no(outcome_json ->> '$.CP_ENQUIRY_FLAG') end as is_cp_enquiry,
    case when is_json then reference.yes_no(outcome_json ->> '$.NFA_FLAG')
        when outcome_text is not null then outcome_text like '%no further action%' end as is_nfa,
    case when is_json then reference.yes_no(outcome_json ->> '$.NON_AGENCY_ADOPTION_FLAG') end
        as is_non_agency_adoption,
    case when is_json then reference.yes_no(outcome_json ->> '$.PRIVATE_FOSTERING_FLAG') end
        as is_private_fostering,
    case when is_json then reference.yes_no(outcome_json ->> '$.ADVICE_FLAG')
        when outcome_text is not null then outcome_text like '%advice%' end as is_advice,
    case when is_json then reference.yes_no(outcome_json ->> '$.MISSING_FLAG') end as is_missing,
    case when is_json then reference.yes_no(outcome_json ->> '$.OLA_CP_FLAG') end as is_other_la_cp,
    case when not is_json and outcome_text is not null then outcome_text like '%eh referral%' end as is_early_help,
    case when is_json then reference.yes_no(outcome_json ->> '$.OTHER_OUTCOMES_EXIST_FLAG') end
        as is_other_outcome
from contacts
