-- test: no_placement_ends_before_it_starts
select placement_id, start_date, end_date from intermediate.int_cla_placements_sequenced
where end_date < start_date;

-- test: computed_distances_are_plausible
select placement_id, distance_miles from intermediate.int_cla_placements_sequenced
where distance_source = 'postcode_district' and (distance_miles < 0 or distance_miles > 700);

-- test: first_placement_of_a_period_is_never_a_same_carer_continuation
select placement_id from intermediate.int_cla_placements_sequenced
where placement_sequence = 1 and is_same_carers;
