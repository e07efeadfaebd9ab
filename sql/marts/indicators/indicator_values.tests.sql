-- test: every_indicator_is_catalogued
select distinct indicator_code from marts.indicator_values
where unit is null;

-- test: numerator_within_denominator_for_percentages
select * from marts.indicator_values
where unit = 'percent' and numerator > denominator;

-- test: value_agrees_with_numerator_and_denominator
-- The catalogue wires each code's value, numerator and denominator from separate columns of its mart: a
-- percentage or rate that does not follow from its own numerator and denominator names the wrong column.
-- Workforce FTE measures (sw_*) are excluded: their numerators are FTE rounded to whole posts for display.
select indicator_code, period_type, period_label, value, numerator, denominator
from marts.indicator_values
where indicator_code not like 'sw\_%' escape '\'
  and ((unit = 'percent' and value is distinct from reference.pct(numerator, denominator))
    or (unit = 'rate_per_10000' and value is distinct from reference.rate_per_10k(numerator, denominator))
    or (unit = 'count' and value is distinct from numerator));

