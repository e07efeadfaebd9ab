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

-- test: rates_recompute_from_counts
select * from marts.children_in_care
where cla_rate_per_10k <> round(cla_count * 10000.0 / population_0_17, 1)
   or uasc_pct is distinct from round(100.0 * uasc_count / nullif(cla_count, 0), 1)
   or placed_over20_outside_la_pct is distinct from round(100.0 * placed_over20_outside_la / nullif(cla_count, 0), 1)
   or with_3plus_placements_pct is distinct from round(100.0 * with_3plus_placements / nullif(cla_count, 0), 1)
   or long_term_stability_pct is distinct from round(100.0 * long_term_stable / nullif(long_term_cohort, 0), 1)
   or reviews_in_time_pct is distinct from round(100.0 * reviews_in_time / nullif(reviews_held, 0), 1)
   or reviews_up_to_date_pct is distinct from round(100.0 * reviews_up_to_date / nullif(review_cohort, 0), 1)
   or health_assessment_pct is distinct from round(100.0 * health_assessment_up_to_date / nullif(looked_after_12_months, 0), 1);

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
