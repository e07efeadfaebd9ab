-- test: conference_resulting_in_a_plan_names_it
select * from staging.stg_case__initial_cp_conference
where resulted_in_plan and cp_plan_id is null;
