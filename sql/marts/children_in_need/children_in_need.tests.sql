-- test: numerators_within_denominators
select * from marts.children_in_need
where children_with_cin_plan > cin_plans_open or children_with_cin_plan > children_in_need
   or children_in_need > population_0_17;

-- test: rates_recompute_from_counts
select * from marts.children_in_need
where cin_rate_per_10k <> round(children_in_need * 10000.0 / population_0_17, 1);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.children_in_need
where population_0_17 <= 0;

-- test: year_stock_equals_its_march_stock
select fy.period_label
from marts.children_in_need as fy
join marts.children_in_need as m
  on m.period_type = 'month' and m.reference_date = fy.reference_date
where fy.period_type = 'financial_year' and fy.children_in_need <> m.children_in_need;
