-- test: numerators_within_denominators
select * from marts.front_door
where re_referrals_12m > referrals
   or referrals_nfa > referrals
   or assessments_within_45wd > assessments_timed
   or assessments_timed > assessments_completed;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; a rate's count lies within the population, and the rate is 0 only for no children.
select * from marts.front_door
where not (re_referrals_12m between 0 and referrals) or not (re_referral_pct between 0 and 100) or (re_referral_pct is null) <> (referrals = 0)
   or not (assessments_within_45wd between 0 and assessments_timed) or not (assessments_within_45wd_pct between 0 and 100) or (assessments_within_45wd_pct is null) <> (assessments_timed = 0)
   or not (referrals between 0 and population_0_17) or not (referral_rate_per_10k between 0 and 10000) or (referral_rate_per_10k = 0) <> (referrals = 0);

-- test: months_add_up_to_their_financial_year
select fy.period_label, fy.referrals, sum(m.referrals) as month_referrals
from marts.front_door as fy
join marts.front_door as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.referrals
having fy.referrals <> sum(m.referrals);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.front_door
where population_0_17 <= 0;

-- test: nfa_pct_within_referrals
select * from marts.front_door
where not (referrals_nfa between 0 and referrals) or not (referrals_nfa_pct between 0 and 100)
   or (referrals_nfa_pct is null) <> (referrals = 0);

-- test: no_percentage_over_a_zero_denominator
select * from marts.front_door
where (re_referral_pct is not null and referrals = 0)
   or (referrals_nfa_pct is not null and referrals = 0)
   or (assessments_within_45wd_pct is not null and assessments_timed = 0);

-- test: duration_bands_add_up
select * from marts.front_door
where assessments_same_day + assessments_1_10wd + assessments_11_20wd + assessments_21_30wd + assessments_31_40wd
        + assessments_41_45wd + assessments_46_50wd + assessments_51_60wd + assessments_61plus_wd <> assessments_timed
   or assessments_same_day + assessments_1_10wd + assessments_11_20wd + assessments_21_30wd + assessments_31_40wd
        + assessments_41_45wd <> assessments_within_45wd;

-- test: duration_percentiles_in_order
select * from marts.front_door
where assessment_duration_p25_wd > assessment_duration_median_wd
   or assessment_duration_median_wd > assessment_duration_p75_wd
   or (assessments_timed = 0) <> (assessment_duration_median_wd is null);
