-- test: numerator_within_denominator_for_percentages
select * from marts.front_door_indicators
where indicator_code like '%\_pct' escape '\' and numerator > denominator;

-- test: value_recomputes_from_numerator_and_denominator
select * from marts.front_door_indicators
where (indicator_code like '%\_pct' escape '\'
        and value is distinct from round(100.0 * numerator / nullif(denominator, 0), 1))
   or (indicator_code like '%\_per\_10k%' escape '\'
        and value is distinct from round(numerator * 10000.0 / denominator, 1))
   or (indicator_code like '%\_count' escape '\' and value <> numerator);

-- test: every_period_of_the_mart_has_every_indicator
select f.period_type, f.period_label
from marts.front_door as f
left join marts.front_door_indicators as i using (period_type, period_label)
group by f.period_type, f.period_label
having count(distinct i.indicator_code) <> (select count(distinct indicator_code) from marts.front_door_indicators);
