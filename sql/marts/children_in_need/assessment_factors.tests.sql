-- test: numerators_within_denominators
select * from marts.assessment_factors
where assessments_with_factor > assessments_in_denominator;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.assessment_factors
where not (assessments_with_factor between 0 and assessments_in_denominator) or not (share_pct between 0 and 100) or (share_pct is null) <> (assessments_in_denominator = 0);

-- test: denominator_matches_domestic_abuse_mart
select f.period_type, f.period_label
from marts.assessment_factors as f
join marts.domestic_abuse_in_assessments as d using (period_type, period_label)
where f.assessments_in_denominator <> d.assessments_in_denominator;

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.assessment_factors
where share_pct is not null and assessments_in_denominator = 0;
