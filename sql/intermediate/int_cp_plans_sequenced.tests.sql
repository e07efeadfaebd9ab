-- test: no_plan_ends_before_it_starts
select * from intermediate.int_cp_plans_sequenced
where end_date < start_date;

-- test: previous_plan_not_after_plan
select * from intermediate.int_cp_plans_sequenced
where previous_plan_start_date > start_date;

-- test: first_plan_is_never_subsequent
select * from intermediate.int_cp_plans_sequenced
where plan_sequence = 1 and is_second_or_subsequent;
