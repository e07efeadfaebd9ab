-- test: no_care_plan_ends_before_it_starts
select * from staging.stg_case__cla_care_plan
where end_date < start_date;
