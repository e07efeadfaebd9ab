/*
grain: one row per CLA review record (ssd_cla_reviews), held or cancelled
definition: |
  Statutory reviews of looked-after children's care plans (Care Planning Regulations 2010 reg 33),
  renamed from the SSD and typed. Cancelled reviews and reviews not yet held carry no review date.
columns:
  review_id: Review id (clar_cla_review_id).
  cla_id: Period-of-care id the review belongs to (clar_cla_id).
  due_date: Date the review was due, as the case system records it (clar_cla_review_due_date).
  review_date: Date the review was held (clar_cla_review_date); null if not held.
  is_cancelled: True when the review was cancelled (clar_cla_review_cancelled); null when not recorded.
  participation_code: SSDA903 participation code PN0-PN7 (clar_cla_review_participation).
tests:
  unique: [review_id]
  not_null: [review_id]
*/
select
    clar_cla_review_id as review_id,
    clar_cla_id as cla_id,
    clar_cla_review_due_date as due_date,
    clar_cla_review_date as review_date,
    reference.yes_no(clar_cla_review_cancelled) as is_cancelled,
    nullif(upper(trim(clar_cla_review_participation)), '') as participation_code
from lake.case__ssd_cla_reviews
