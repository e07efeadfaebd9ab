/*
grain: one row per care leaver record (ssd_care_leavers)
definition: |
  Care leavers' contact, accommodation and activity as recorded (SSDA903 leaving-care module codes),
  renamed from the SSD and typed. in_touch_code: YES, NO (LA not in touch), REFU (refuses contact),
  NREQ (no longer requires services), RHOM (returned home to parents for 6+ months), DIED.
  Activity codes starting F or P are in education, employment or training; G codes are not (NEET).
  Accommodation suitability 1 = suitable, 2 = unsuitable. Names of personal advisers are not carried.
columns:
  care_leaver_record_id: Care leaver record id (clea_table_id).
  person_id: The young person (clea_person_id).
  eligibility: Eligibility category as recorded (clea_care_leaver_eligibility).
  in_touch_code: In-touch category, upper-case (clea_care_leaver_in_touch).
  latest_contact_date: Latest date of contact (clea_care_leaver_latest_contact).
  accommodation_code: SSDA903 accommodation type letter (clea_care_leaver_accommodation; a combined 903 code such as Z1 keeps its letter, Z = with former foster carers).
  is_accommodation_suitable: True when accommodation is suitable (clea_care_leaver_accom_suitable = 1, or the digit of a combined 903 code); false when unsuitable (2); null when not recorded.
  activity_code: SSDA903 main activity code (clea_care_leaver_activity).
  is_eet: True when the activity is education, employment or training (F or P codes); false for G codes; null when not recorded.
  pathway_plan_review_date: Latest pathway plan review date (clea_pathway_plan_review_date).
  team_id: Allocated team (clea_care_leaver_allocated_team).
  worker_id: Allocated worker (clea_care_leaver_worker_id).
  personal_adviser: Allocated personal adviser as the case system names them (clea_care_leaver_personal_advisor); a member of staff, not the young person.
tests:
  unique: [care_leaver_record_id]
  not_null: [care_leaver_record_id, person_id]
*/
with leavers as (
    select
        *,
        nullif(upper(trim(clea_care_leaver_activity)), '') as activity,
        nullif(upper(trim(clea_care_leaver_accommodation)), '') as accommodation
    from lake.case__ssd_care_leavers
)

select
    clea_table_id as care_leaver_record_id,
    clea_person_id as person_id,
    clea_care_leaver_eligibility as eligibility,
    nullif(upper(trim(clea_care_leaver_in_touch)), '') as in_touch_code,
    clea_care_leaver_latest_contact as latest_contact_date,
    left(accommodation, 1) as accommodation_code,
    case coalesce(nullif(trim(clea_care_leaver_accom_suitable), ''), substr(accommodation, 2, 1))
        when '1' then true when '2' then false
        else reference.yes_no(clea_care_leaver_accom_suitable)
    end as is_accommodation_suitable,
    activity as activity_code,
    case when left(activity, 1) in ('F', 'P') then true when left(activity, 1) = 'G' then false end as is_eet,
    clea_pathway_plan_review_date as pathway_plan_review_date,
    clea_care_leaver_allocated_team as team_id,
    clea_care_leaver_worker_id as worker_id,
    nullif(trim(clea_care_leaver_personal_advisor), '') as personal_adviser
from leavers
