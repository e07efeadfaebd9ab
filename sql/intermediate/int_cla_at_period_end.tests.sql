-- test: every_child_looked_after_has_at_least_one_placement_in_the_period_when_placed
select period_label, person_id from intermediate.int_cla_at_period_end
where placement_id is not null and placements_in_period = 0
  and placement_type_code is not null
  and not exists (select 1 from intermediate.int_cla_placements_sequenced p where p.placement_id = int_cla_at_period_end.placement_id and p.is_under_24_hours);

-- test: long_term_stable_only_within_the_cohort
select period_label, person_id from intermediate.int_cla_at_period_end
where is_long_term_stable and not is_long_term_cohort;
