/*
grain: one row per conviction of a looked-after child (ssd_cla_convictions)
definition: |
  Convictions, for the SSDA903 OC2 CONVICTED item (staging.stg_case__cla_convictions). The SSD holds the
  date of the offence, not of the conviction: the return reads that date as the SSD defines it.
columns:
  person_id: The child.
  conviction_date: Date of the offence (clac_cla_conviction_date).
*/
select person_id, offence_date as conviction_date
from staging.stg_case__cla_convictions
