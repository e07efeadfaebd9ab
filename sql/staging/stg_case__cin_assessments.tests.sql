-- test: no_assessment_authorised_before_it_starts
select * from staging.stg_case__cin_assessments
where authorised_date < start_date;
