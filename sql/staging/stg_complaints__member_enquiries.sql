/*
grain: one row per enquiry from an MP or councillor (schemas/complaints/member_enquiries.yml)
definition: |
  Representations from elected members about children's social care, renamed and typed. Outside the
  statutory procedure; answered to the authority's own timescale. The free-text summary is not carried forward.
columns:
  enquiry_id: Enquiry reference.
  received_date: Date received.
  recorded_due_date: Due date as the complaints system calculated it.
  responded_date: Date the response was sent; null while open.
  member_type: mp or councillor.
  category: Main issue.
  team_id: Team it is about (case system team id).
  service_area: Service area.
  person_id: The child it is about, if any.
tests:
  unique: [enquiry_id]
  not_null: [enquiry_id, received_date, member_type]
*/
select
    trim(enquiry_id) as enquiry_id,
    received_date,
    due_date as recorded_due_date,
    responded_date,
    lower(trim(member_type)) as member_type,
    nullif(replace(lower(trim(category)), ' ', '_'), '') as category,
    nullif(trim(team_id), '') as team_id,
    nullif(trim(service_area), '') as service_area,
    nullif(trim(person_id), '') as person_id
from lake.complaints__member_enquiries
