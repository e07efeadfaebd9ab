-- test: numerators_within_denominators
select * from marts.assessment_factors
where assessments_with_factor > assessments_in_denominator;

-- test: rates_recompute_from_counts
select * from marts.assessment_factors
where share_pct is distinct from round(100.0 * assessments_with_factor / nullif(assessments_in_denominator, 0), 1);

-- test: denominator_matches_domestic_abuse_mart
select f.period_type, f.period_label
from marts.assessment_factors as f
join marts.domestic_abuse_in_assessments as d using (period_type, period_label)
where f.assessments_in_denominator <> d.assessments_in_denominator;

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.assessment_factors
where share_pct is not null and assessments_in_denominator = 0;
