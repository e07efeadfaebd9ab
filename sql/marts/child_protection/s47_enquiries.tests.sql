-- test: numerators_within_denominators
select * from marts.s47_enquiries
where s47_led_to_icpc > s47_started or s47_children > s47_started;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.s47_enquiries
where not (s47_led_to_icpc between 0 and s47_started) or not (s47_led_to_icpc_pct between 0 and 100) or (s47_led_to_icpc_pct is null) <> (s47_started = 0)
   or not (s47_started between 0 and population_0_17) or not (s47_rate_per_10k between 0 and 10000) or (s47_rate_per_10k = 0) <> (s47_started = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.s47_enquiries
where population_0_17 <= 0;

-- test: months_add_up_to_their_financial_year
select fy.period_label, fy.s47_started, sum(m.s47_started) as month_total
from marts.s47_enquiries as fy
join marts.s47_enquiries as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.s47_started
having fy.s47_started <> sum(m.s47_started);
