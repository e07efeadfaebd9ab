/*
grain: one row per contact received in the Annex A window
definition: |
  Annex A List 1 (contacts). Who is on it: every contact to children's social care received in the
  window (contact date from window_start to the as-at date, both included; marts.annex_a_window), one row
  per contact, so a child contacted twice appears twice. Source: intermediate.int_contacts_classified, the
  list behind marts.contacts_by_source_outcome. Contact source is the CIN census source code, turned into
  Ofsted's lettered category by the template (src/main/resources/annex_a/<year>/template.yml).
columns:
  contact_id: Contact id (not an Annex A column; kept to trace a row).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  contact_date: Date of contact.
  contact_source_code: CIN census source code ('not_recorded' when blank).
tests:
  unique: [contact_id]
  not_null: [child_id, contact_date]
*/
with window_ as (
    select * from marts.annex_a_window
),

contacts as (
    select contacts.*
    from intermediate.int_contacts_classified as contacts
    cross join window_
    where contacts.contact_date between window_.window_start and window_.as_at_date
),

children as (
    select * from marts.annex_a_children
)

select
    contacts.contact_id,
    contacts.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    contacts.contact_date,
    contacts.source_code as contact_source_code
from contacts
left join children on children.child_id = contacts.person_id
order by contacts.contact_date, contacts.contact_id
