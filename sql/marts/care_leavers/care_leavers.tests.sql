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

-- test: rates_recompute_from_counts
select * from marts.care_leavers
where leavers_19_21_eet_pct is distinct from round(100.0 * leavers_19_21_eet / nullif(leavers_19_21, 0), 1)
   or leavers_19_21_suitable_pct is distinct from round(100.0 * leavers_19_21_suitable / nullif(leavers_19_21_accommodation_known, 0), 1)
   or leavers_17_18_suitable_pct is distinct from round(100.0 * leavers_17_18_suitable / nullif(leavers_17_18_accommodation_known, 0), 1)
   or pathway_review_in_6_months_pct is distinct from round(100.0 * pathway_review_in_6_months / nullif(care_leavers_open, 0), 1);

-- test: birthday_cohort_left_care_by_the_birthday
select person_id, birthday_age, birthday, left_care_date from intermediate.int_care_leavers_birthdays
where left_care_date > birthday;
