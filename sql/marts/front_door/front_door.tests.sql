-- test: numerators_within_denominators
select * from marts.front_door
where re_referrals_12m > referrals
   or referrals_nfa > referrals
   or assessments_within_45wd > assessments_timed
   or assessments_timed > assessments_completed;

-- test: rates_recompute_from_counts
select * from marts.front_door
where referral_rate_per_10k <> round(referrals * 10000.0 / population_0_17, 1)
   or re_referral_pct is distinct from round(100.0 * re_referrals_12m / nullif(referrals, 0), 1)
   or assessments_within_45wd_pct is distinct from round(100.0 * assessments_within_45wd / nullif(assessments_timed, 0), 1);

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

-- test: nfa_pct_recomputes_from_counts
select * from marts.front_door
where referrals_nfa_pct is distinct from round(100.0 * referrals_nfa / nullif(referrals, 0), 1);

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
