-- test: numerators_within_denominators
select * from marts.permanence
where ceased_adopted + ceased_sgo > cla_ceased
   or with_adoption_decision > cla_count
   or placed_for_adoption > cla_count;

-- test: rates_recompute_from_counts
select * from marts.permanence
where ceased_adopted_pct is distinct from round(100.0 * ceased_adopted / nullif(cla_ceased, 0), 1)
   or ceased_sgo_pct is distinct from round(100.0 * ceased_sgo / nullif(cla_ceased, 0), 1)
   or days_entered_care_to_placed_avg is distinct from round(days_entered_care_to_placed_total / nullif(adoptions_timed_to_placement, 0), 1);

-- test: adoption_timings_not_negative
select * from intermediate.int_permanence_adoptions
where days_entered_care_to_placed < 0 or days_placement_order_to_match < 0;
