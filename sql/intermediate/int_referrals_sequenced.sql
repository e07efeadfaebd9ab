/*
grain: one row per referral
definition: |
  Each referral placed in its child's referral history, to find re-referrals.
  Re-referral within 12 months (DfE CIN census; LAIT ReReferral): a referral received within 12 months of
  the same child's previous referral. "Within 12 months" is inclusive: a referral on 10 May 2024 after one
  on 10 May 2023 is a re-referral; one on 11 May 2024 is not. The look-back reads the whole extract, so
  referrals early in a year see the previous year's history. Two referrals of one child on the same day
  are ordered by referral id and the second is a re-referral.
columns:
  referral_id: Referral / CIN episode id.
  person_id: The child.
  referral_date: Date the referral was received.
  is_nfa: True when the referral resulted in no further action.
  referral_source_code: Source of referral, CIN census code.
  previous_referral_date: Date of the child's previous referral, if any.
  referral_sequence: 1 for the child's first referral in the extract, 2 for the second, and so on.
  is_re_referral_12m: True when previous_referral_date is on or after referral_date minus 12 months (setting re_referral_window_months).
tests:
  unique: [referral_id]
  not_null: [referral_sequence, is_re_referral_12m]
  warn:
    # an orphan row is dropped by every list that joins the person; flag it for the data-quality pages
    relationships:
      person_id: staging.stg_case__person.person_id
*/
with referrals as (
    select * from staging.stg_case__cin_episodes
    where referral_date is not null
),

sequenced as (
    select
        referral_id,
        person_id,
        referral_date,
        is_nfa,
        referral_source_code,
        lag(referral_date) over child_history as previous_referral_date,
        row_number() over child_history as referral_sequence
    from referrals
    window child_history as (partition by person_id order by referral_date, referral_id)
)

select
    *,
    coalesce(
        previous_referral_date
        >= cast(referral_date - to_months(reference.setting_int('re_referral_window_months')) as date),
        false
    ) as is_re_referral_12m
from sequenced
