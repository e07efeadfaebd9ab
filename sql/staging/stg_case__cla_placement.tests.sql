-- test: no_placement_ends_before_it_starts
select placement_id, start_date, end_date from staging.stg_case__cla_placement
where end_date < start_date;

-- test: recorded_distance_not_negative
select placement_id, distance_miles_recorded from staging.stg_case__cla_placement
where distance_miles_recorded < 0;
