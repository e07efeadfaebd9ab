-- test: every_indicator_is_catalogued
select distinct indicator_code from marts.indicator_values
where unit is null;

-- test: numerator_within_denominator_for_percentages
select * from marts.indicator_values
where unit = 'percent' and numerator > denominator;
