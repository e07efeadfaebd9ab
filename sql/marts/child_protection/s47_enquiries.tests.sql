-- test: numerators_within_denominators
select * from marts.s47_enquiries
where s47_led_to_icpc > s47_started or s47_children > s47_started;

-- test: rates_recompute_from_counts
select * from marts.s47_enquiries
where s47_rate_per_10k <> round(s47_started * 10000.0 / population_0_17, 1)
   or s47_led_to_icpc_pct is distinct from round(100.0 * s47_led_to_icpc / nullif(s47_started, 0), 1);

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
