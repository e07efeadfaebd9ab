-- test: numerators_within_denominators
select * from marts.domestic_abuse_in_assessments
where assessments_domestic_abuse > assessments_in_denominator
   or assessments_in_denominator > assessments_completed
   or assessments_with_factors > assessments_completed
   or assessments_da_child_3a > assessments_domestic_abuse
   or assessments_da_parent_3b > assessments_domestic_abuse
   or assessments_da_other_3c > assessments_domestic_abuse;

-- test: any_code_counted_once
select * from marts.domestic_abuse_in_assessments
where assessments_domestic_abuse > assessments_da_child_3a + assessments_da_parent_3b + assessments_da_other_3c
   or assessments_domestic_abuse < greatest(assessments_da_child_3a, assessments_da_parent_3b, assessments_da_other_3c);

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.domestic_abuse_in_assessments
where not (assessments_domestic_abuse between 0 and assessments_in_denominator) or not (domestic_abuse_pct between 0 and 100) or (domestic_abuse_pct is null) <> (assessments_in_denominator = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.domestic_abuse_in_assessments
where domestic_abuse_pct is not null and assessments_in_denominator = 0;

-- test: completed_matches_front_door
select d.period_type, d.period_label
from marts.domestic_abuse_in_assessments as d
join marts.front_door as f using (period_type, period_label)
where d.assessments_completed <> f.assessments_completed;
