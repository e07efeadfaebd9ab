/*
grain: one row per conviction record of a looked-after child (ssd_cla_convictions)
definition: |
  Offences of looked-after children (SSD ssd_cla_convictions), renamed and typed. SSDA903 OC2 CONVICTED counts a
  child "convicted during the year of an offence committed while looked after", aged 10 or over; the SSD holds the
  date of the offence (CLAC003A), not of the conviction, so a return reads offence_date as the SSD defines it.
columns:
  conviction_id: Conviction record id (clac_cla_conviction_id).
  person_id: The child (clac_person_id).
  offence_date: Date of the offence (clac_cla_conviction_date).
  offence_description: Details of the offence as recorded (clac_cla_conviction_offence).
tests:
  unique: [conviction_id]
  not_null: [conviction_id, person_id]
*/
select
    clac_cla_conviction_id as conviction_id,
    clac_person_id as person_id,
    clac_cla_conviction_date as offence_date,
    clac_cla_conviction_offence as offence_description
from lake.case__ssd_cla_convictions
