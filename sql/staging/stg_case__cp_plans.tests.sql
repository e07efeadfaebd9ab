-- test: no_plan_ends_before_it_starts
select * from staging.stg_case__cp_plans
where end_date < start_date;
