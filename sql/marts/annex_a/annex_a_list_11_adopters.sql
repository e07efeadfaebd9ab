/*
grain: one row per prospective adopter in the Annex A window (always empty - no source)
definition: |
  Annex A List 11 (adopters). The SSD has no adopter table (adopters are recruited by the regional
  adoption agency, whose system this warehouse does not read), so this list is always empty and the
  workbook's summary sheet says so. The columns are kept so the sheet has the template's headers and a
  future adopter extract only needs this model's SELECT.
columns:
  adopter_id: Individual adopter identifier.
  family_id: Family identifier.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  has_disability: Disability.
  is_fostering_for_adoption: Fostering for adoption.
  enquiry_date: Date enquiry received.
  stage_1_start_date: Date Stage 1 started.
  stage_1_end_date: Date Stage 1 ended.
  stage_2_start_date: Date Stage 2 started.
  stage_2_end_date: Date Stage 2 ended.
  application_date: Date application submitted.
  approval_date: Date application approved.
  matched_date: Date adopter matched with child(ren).
  placed_date: Date child/children placed with adopter(s).
  children_placed: No. of children placed.
  adoption_order_date: Date of Adoption Order.
  left_process_date: Date of leaving adoption process.
  left_process_reason: Reason for leaving adoption process.
*/
select
    cast(null as varchar) as adopter_id,
    cast(null as varchar) as family_id,
    cast(null as varchar) as sex,
    cast(null as varchar) as ethnicity_code,
    cast(null as boolean) as has_disability,
    cast(null as boolean) as is_fostering_for_adoption,
    cast(null as date) as enquiry_date,
    cast(null as date) as stage_1_start_date,
    cast(null as date) as stage_1_end_date,
    cast(null as date) as stage_2_start_date,
    cast(null as date) as stage_2_end_date,
    cast(null as date) as application_date,
    cast(null as date) as approval_date,
    cast(null as date) as matched_date,
    cast(null as date) as placed_date,
    cast(null as integer) as children_placed,
    cast(null as date) as adoption_order_date,
    cast(null as date) as left_process_date,
    cast(null as varchar) as left_process_reason
from marts.annex_a_window
where false
