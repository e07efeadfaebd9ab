-- test: numerators_within_denominators
select * from marts.initial_cp_conferences
where icpcs_within_15wd > icpcs_timed or icpcs_timed > icpcs or icpcs_transfer_in > icpcs;

-- test: bands_add_up_to_timed
select * from marts.initial_cp_conferences
where icpcs_0_10wd + icpcs_11_15wd + icpcs_16_20wd + icpcs_21plus_wd <> icpcs_timed;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.initial_cp_conferences
where not (icpcs_within_15wd between 0 and icpcs_timed) or not (icpcs_within_15wd_pct between 0 and 100) or (icpcs_within_15wd_pct is null) <> (icpcs_timed = 0)
   or not (icpcs between 0 and population_0_17) or not (icpc_rate_per_10k between 0 and 10000) or (icpc_rate_per_10k = 0) <> (icpcs = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.initial_cp_conferences
where population_0_17 <= 0 or (icpcs_within_15wd_pct is not null and icpcs_timed = 0);

-- test: months_add_up_to_their_financial_year
select fy.period_label, fy.icpcs, sum(m.icpcs) as month_total
from marts.initial_cp_conferences as fy
join marts.initial_cp_conferences as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.icpcs
having fy.icpcs <> sum(m.icpcs);
