-- test: numerators_within_denominators
select * from marts.children_in_need
where children_with_cin_plan > cin_plans_open or children_with_cin_plan > children_in_need
   or children_in_need > population_0_17;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.children_in_need
where not (children_in_need between 0 and population_0_17) or not (cin_rate_per_10k between 0 and 10000) or (cin_rate_per_10k = 0) <> (children_in_need = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.children_in_need
where population_0_17 <= 0;

-- test: year_stock_equals_its_march_stock
select fy.period_label
from marts.children_in_need as fy
join marts.children_in_need as m
  on m.period_type = 'month' and m.reference_date = fy.reference_date
where fy.period_type = 'financial_year' and fy.children_in_need <> m.children_in_need;
