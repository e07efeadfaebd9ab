-- test: numerators_within_denominators
select * from marts.children_in_care
where uasc_count > cla_count
   or uasc_started > cla_started
   or placed_outside_la > cla_count
   or placed_over20_outside_la > placed_outside_la
   or with_3plus_placements > cla_count
   or long_term_stable > long_term_cohort
   or long_term_cohort > cla_count
   or health_assessment_up_to_date > looked_after_12_months
   or dental_check_up_to_date > looked_after_12_months
   or looked_after_12_months > cla_count
   or reviews_in_time > reviews_held
   or reviews_child_participated > reviews_participation_recorded
   or reviews_up_to_date + reviews_overdue > review_cohort
   or review_cohort > cla_count
   or with_3plus_placements_in_2_years > in_care_2_years
   or in_care_2_years > cla_count;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.children_in_care
where not (uasc_count between 0 and cla_count) or not (uasc_pct between 0 and 100) or (uasc_pct is null) <> (cla_count = 0)
   or not (placed_over20_outside_la between 0 and cla_count) or not (placed_over20_outside_la_pct between 0 and 100) or (placed_over20_outside_la_pct is null) <> (cla_count = 0)
   or not (with_3plus_placements between 0 and cla_count) or not (with_3plus_placements_pct between 0 and 100) or (with_3plus_placements_pct is null) <> (cla_count = 0)
   or not (long_term_stable between 0 and long_term_cohort) or not (long_term_stability_pct between 0 and 100) or (long_term_stability_pct is null) <> (long_term_cohort = 0)
   or not (reviews_in_time between 0 and reviews_held) or not (reviews_in_time_pct between 0 and 100) or (reviews_in_time_pct is null) <> (reviews_held = 0)
   or not (reviews_up_to_date between 0 and review_cohort) or not (reviews_up_to_date_pct between 0 and 100) or (reviews_up_to_date_pct is null) <> (review_cohort = 0)
   or not (health_assessment_up_to_date between 0 and looked_after_12_months) or not (health_assessment_pct between 0 and 100) or (health_assessment_pct is null) <> (looked_after_12_months = 0)
   or not (cla_count between 0 and population_0_17) or not (cla_rate_per_10k between 0 and 10000) or (cla_rate_per_10k = 0) <> (cla_count = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.children_in_care
where population_0_17 <= 0
   or (uasc_pct is not null and cla_count = 0)
   or (long_term_stability_pct is not null and long_term_cohort = 0)
   or (health_assessment_pct is not null and looked_after_12_months = 0);

-- test: months_starts_never_exceed_their_year
select fy.period_label, fy.cla_started, sum(m.cla_started) as month_starts
from marts.children_in_care as fy
join marts.children_in_care as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.cla_started
having fy.cla_started > sum(m.cla_started);

-- test: march_month_end_equals_the_year_at_31_march
select fy.period_label, fy.cla_count, m.cla_count as march_count
from marts.children_in_care as fy
join marts.children_in_care as m
  on m.period_type = 'month' and m.snapshot_date = fy.snapshot_date
where fy.period_type = 'financial_year' and fy.cla_count <> m.cla_count;
