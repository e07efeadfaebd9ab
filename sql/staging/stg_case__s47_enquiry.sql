/*
grain: one row per section 47 enquiry (ssd_s47_enquiry)
definition: |
  Section 47 enquiries, renamed and typed. In the SSD the S47 start date is the date of the strategy
  discussion at which the enquiry was initiated, which is the date DfE counts a S47 from and the date the
  15-working-day ICPC clock starts. The outcome is a JSON object of Y/N flags; the conference flag is read
  from it (null when the outcome is missing or not JSON).
columns:
  s47_enquiry_id: S47 enquiry id (s47e_s47_enquiry_id).
  person_id: The child (s47e_person_id).
  referral_id: The referral / CIN episode the enquiry belongs to (s47e_referral_id).
  strategy_discussion_date: Date of the strategy discussion that initiated the enquiry, the S47 start (s47e_s47_start_date).
  end_date: Date the enquiry was completed and authorised (s47e_s47_end_date); null while open.
  is_nfa: True when the enquiry resulted in no further action (s47e_s47_nfa).
  is_conference_outcome: True when the outcome JSON flags an initial child protection conference (CP_CONFERENCE_FLAG).
  worker_id: Worker who completed the enquiry (s47e_s47_completed_by_worker_id).
  team_id: Team that completed the enquiry (s47e_s47_completed_by_team).
tests:
  unique: [s47_enquiry_id]
  not_null: [s47_enquiry_id, person_id]
*/
select
    s47e_s47_enquiry_id as s47_enquiry_id,
    s47e_person_id as person_id,
    s47e_referral_id as referral_id,
    s47e_s47_start_date as strategy_discussion_date,
    s47e_s47_end_date as end_date,
    reference.yes_no(s47e_s47_nfa) as is_nfa,
    -- json functions see valid JSON only: DuckDB may evaluate a CASE branch on every row
    reference.yes_no(json_extract_string(
        case when json_valid(s47e_s47_outcome_json) then s47e_s47_outcome_json else '{}' end,
        '$.CP_CONFERENCE_FLAG')) as is_conference_outcome,
    s47e_s47_completed_by_worker_id as worker_id,
    s47e_s47_completed_by_team as team_id
from lake.case__ssd_s47_enquiry
