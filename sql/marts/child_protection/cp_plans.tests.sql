-- test: numerators_within_denominators
select * from marts.cp_plans
where plan_starts_second_or_subsequent > plan_starts
   or plans_ended_two_years_plus > plans_ended
   or children_open_two_years_plus > children_open_over_18_months
   or children_open_over_18_months > children_on_plan;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.cp_plans
where not (plan_starts_second_or_subsequent between 0 and plan_starts) or not (second_or_subsequent_pct between 0 and 100) or (second_or_subsequent_pct is null) <> (plan_starts = 0)
   or not (plans_ended_two_years_plus between 0 and plans_ended) or not (plans_ended_two_years_plus_pct between 0 and 100) or (plans_ended_two_years_plus_pct is null) <> (plans_ended = 0)
   or not (children_open_two_years_plus between 0 and children_on_plan) or not (open_two_years_plus_pct between 0 and 100) or (open_two_years_plus_pct is null) <> (children_on_plan = 0)
   or not (children_on_plan between 0 and population_0_17) or not (cpp_rate_per_10k between 0 and 10000) or (cpp_rate_per_10k = 0) <> (children_on_plan = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.cp_plans
where population_0_17 <= 0
   or (second_or_subsequent_pct is not null and plan_starts = 0)
   or (plans_ended_two_years_plus_pct is not null and plans_ended = 0)
   or (open_two_years_plus_pct is not null and children_on_plan = 0);

-- test: flows_add_up_to_their_financial_year
select fy.period_label
from marts.cp_plans as fy
join marts.cp_plans as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.plan_starts, fy.plans_ended, fy.plans_ended_two_years_plus
having fy.plan_starts <> sum(m.plan_starts)
    or fy.plans_ended <> sum(m.plans_ended)
    or fy.plans_ended_two_years_plus <> sum(m.plans_ended_two_years_plus);

-- test: year_stock_equals_its_march_stock
select fy.period_label, fy.children_on_plan, m.children_on_plan as march
from marts.cp_plans as fy
join marts.cp_plans as m
  on m.period_type = 'month' and m.reference_date = fy.reference_date
where fy.period_type = 'financial_year' and fy.children_on_plan <> m.children_on_plan;

-- test: stock_matches_its_child_list
select p.period_type, p.period_label
from marts.cp_plans as p
left join intermediate.int_cp_plans_open_at_period_end as l using (period_type, period_label)
group by p.period_type, p.period_label, p.children_on_plan
having p.children_on_plan <> count(l.person_id);
