-- test: authorised_not_before_referral
select * from intermediate.int_assessments_timed
where duration_working_days < 0;
