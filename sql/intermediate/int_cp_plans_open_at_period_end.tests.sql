-- test: plan_open_at_reference_date
select * from intermediate.int_cp_plans_open_at_period_end
where start_date > reference_date or days_on_plan < 0;

-- test: two_years_implies_over_18_months
select * from intermediate.int_cp_plans_open_at_period_end
where is_two_years_plus and not is_over_18_months;
