/*
grain: one row per care leaver and birthday with no care-leaver record around it
definition: |
  CARE_LEAVER_NO_BIRTHDAY_CONTACT: a care leaver's 17th-21st birthday (intermediate.int_care_leavers_birthdays,
  the cohort and record window of the DfE care leaver measures: a record from 6 months before to 1 month
  after the birthday) with no ssd_care_leavers record in that window (in_touch_code 'NO RECORD'). SSDA903's
  OC3 and the in-touch, activity and accommodation indicators need one for every such birthday; without it
  the young person counts as "information not known". Checked for birthdays from scope_start that are more
  than dq_care_leaver_contact_days_after_birthday (31) days before the as-at date, so a record can still
  arrive for a birthday just passed.
columns:
  rule_code: CARE_LEAVER_NO_BIRTHDAY_CONTACT.
  source_table: ssd_care_leavers (the record that is missing).
  record_id: Young person id and birthday age, e.g. P123/19.
  person_id: The young person.
  team_id: Team on the young person's latest care-leaver record, if any.
  worker_id: Worker on that record, if any.
  detail: Which birthday.
tests:
  unique: [record_id]
  not_null: [record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

birthdays as (
    select * from intermediate.int_care_leavers_birthdays
),

latest_record as (
    select
        person_id,
        arg_max(team_id, coalesce(latest_contact_date, pathway_plan_review_date)) as team_id,
        arg_max(worker_id, coalesce(latest_contact_date, pathway_plan_review_date)) as worker_id
    from staging.stg_case__care_leavers
    group by person_id
)

select
    'CARE_LEAVER_NO_BIRTHDAY_CONTACT' as rule_code,
    'ssd_care_leavers' as source_table,
    birthdays.person_id || '/' || birthdays.birthday_age as record_id,
    birthdays.person_id,
    nullif(trim(latest_record.team_id), '') as team_id,
    nullif(trim(latest_record.worker_id), '') as worker_id,
    'birthday at ' || birthdays.birthday_age || ' on ' || strftime(birthdays.birthday, '%d/%m/%Y') || ': no record between '
        || strftime(cast(birthdays.birthday - to_months(reference.setting_int('care_leaver_record_months_before_birthday')) as date), '%d/%m/%Y')
        || ' and ' || strftime(cast(birthdays.birthday + to_months(reference.setting_int('care_leaver_record_months_after_birthday')) as date), '%d/%m/%Y')
        as detail
from birthdays
cross join scope
left join latest_record using (person_id)
where birthdays.in_touch_code = 'NO RECORD'
  and birthdays.birthday >= scope.scope_start
  and birthdays.birthday + reference.setting_int('dq_care_leaver_contact_days_after_birthday') < scope.as_at_date
