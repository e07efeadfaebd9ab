-- test: numerators_within_denominators
select * from marts.cp_reviews
where children_reviewed_in_timescale > children_on_plan_3_months_plus
   or children_on_plan_3_months_plus > children_on_plan
   or reviews_held_in_time > reviews_held;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.cp_reviews
where not (children_reviewed_in_timescale between 0 and children_on_plan_3_months_plus) or not (children_reviewed_in_timescale_pct between 0 and 100) or (children_reviewed_in_timescale_pct is null) <> (children_on_plan_3_months_plus = 0)
   or not (reviews_held_in_time between 0 and reviews_held) or not (reviews_held_in_time_pct between 0 and 100) or (reviews_held_in_time_pct is null) <> (reviews_held = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.cp_reviews
where (children_reviewed_in_timescale_pct is not null and children_on_plan_3_months_plus = 0)
   or (reviews_held_in_time_pct is not null and reviews_held = 0);
