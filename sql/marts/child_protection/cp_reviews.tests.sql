-- test: numerators_within_denominators
select * from marts.cp_reviews
where children_reviewed_in_timescale > children_on_plan_3_months_plus
   or children_on_plan_3_months_plus > children_on_plan
   or reviews_held_in_time > reviews_held;

-- test: rates_recompute_from_counts
select * from marts.cp_reviews
where children_reviewed_in_timescale_pct is distinct from
        round(100.0 * children_reviewed_in_timescale / nullif(children_on_plan_3_months_plus, 0), 1)
   or reviews_held_in_time_pct is distinct from round(100.0 * reviews_held_in_time / nullif(reviews_held, 0), 1);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.cp_reviews
where (children_reviewed_in_timescale_pct is not null and children_on_plan_3_months_plus = 0)
   or (reviews_held_in_time_pct is not null and reviews_held = 0);
