-- test: numerator_within_denominator_for_percentages
select * from marts.child_protection_indicators
where indicator_code like '%\_pct' escape '\' and numerator > denominator;

-- test: value_recomputes_from_numerator_and_denominator
select * from marts.child_protection_indicators
where (indicator_code like '%\_pct' escape '\'
        and value is distinct from round(100.0 * numerator / nullif(denominator, 0), 1))
   or (indicator_code like '%\_per\_10k%' escape '\'
        and value is distinct from round(numerator * 10000.0 / denominator, 1))
   or (denominator is null and value <> numerator);
