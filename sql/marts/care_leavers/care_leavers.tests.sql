-- test: numerators_within_denominators
select * from marts.care_leavers
where leavers_19_21_in_touch > leavers_19_21
   or leavers_19_21_not_in_touch + leavers_19_21_in_touch > leavers_19_21
   or leavers_19_21_eet > leavers_19_21
   or leavers_19_21_suitable > leavers_19_21_accommodation_known
   or leavers_19_21_accommodation_known > leavers_19_21
   or leavers_17_18_suitable > leavers_17_18_accommodation_known
   or leavers_17_18_accommodation_known > leavers_17_18
   or leavers_17_18_eet > leavers_17_18
   or staying_put_19_20 > staying_put_eligible_19_20
   or pathway_review_in_6_months > care_leavers_open;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.care_leavers
where not (leavers_19_21_eet between 0 and leavers_19_21) or not (leavers_19_21_eet_pct between 0 and 100) or (leavers_19_21_eet_pct is null) <> (leavers_19_21 = 0)
   or not (leavers_19_21_suitable between 0 and leavers_19_21_accommodation_known) or not (leavers_19_21_suitable_pct between 0 and 100) or (leavers_19_21_suitable_pct is null) <> (leavers_19_21_accommodation_known = 0)
   or not (leavers_17_18_suitable between 0 and leavers_17_18_accommodation_known) or not (leavers_17_18_suitable_pct between 0 and 100) or (leavers_17_18_suitable_pct is null) <> (leavers_17_18_accommodation_known = 0)
   or not (pathway_review_in_6_months between 0 and care_leavers_open) or not (pathway_review_in_6_months_pct between 0 and 100) or (pathway_review_in_6_months_pct is null) <> (care_leavers_open = 0);

-- test: birthday_cohort_left_care_by_the_birthday
select person_id, birthday_age, birthday, left_care_date from intermediate.int_care_leavers_birthdays
where left_care_date > birthday;
