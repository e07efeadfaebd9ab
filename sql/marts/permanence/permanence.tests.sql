-- test: numerators_within_denominators
select * from marts.permanence
where ceased_adopted + ceased_sgo > cla_ceased
   or with_adoption_decision > cla_count
   or placed_for_adoption > cla_count
   or with_permanence_plan > cla_count
   or with_parallel_plan > with_permanence_plan
   or greatest(plan_remain_with_family_supported, plan_return_within_1_month, plan_return_within_6_months,
               plan_return_eventually, plan_long_term_relatives_friends, plan_long_term_foster_care,
               plan_residential_to_independence, plan_supported_living, plan_adoption, plan_other) > with_permanence_plan;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0; an average is null exactly when nothing was timed.
select * from marts.permanence
where not (ceased_adopted between 0 and cla_ceased) or not (ceased_adopted_pct between 0 and 100) or (ceased_adopted_pct is null) <> (cla_ceased = 0)
   or not (ceased_sgo between 0 and cla_ceased) or not (ceased_sgo_pct between 0 and 100) or (ceased_sgo_pct is null) <> (cla_ceased = 0)
   or not (with_permanence_plan between 0 and cla_count) or not (with_permanence_plan_pct between 0 and 100) or (with_permanence_plan_pct is null) <> (cla_count = 0)
   or days_entered_care_to_placed_avg < 0 or (days_entered_care_to_placed_avg is null) <> (adoptions_timed_to_placement = 0);

-- test: adoption_timings_not_negative
select * from intermediate.int_permanence_adoptions
where days_entered_care_to_placed < 0 or days_placement_order_to_match < 0;


-- test: permanence_plan_counts_match_the_child_list
select m.period_type, m.period_label, m.with_permanence_plan, count(p.person_id) filter (where p.has_permanence_plan) as listed
from marts.permanence as m
left join intermediate.int_cla_permanence_plan_at_period_end as p using (period_type, period_label)
group by all
having m.with_permanence_plan <> count(p.person_id) filter (where p.has_permanence_plan);

-- test: permanence_plan_list_is_the_cla_list
select period_type, period_label, person_id from intermediate.int_cla_at_period_end
except
select period_type, period_label, person_id from intermediate.int_cla_permanence_plan_at_period_end;

-- test: permanence_plan_in_force_within_the_period_of_care
select p.* from intermediate.int_cla_permanence_plan_at_period_end as p
where p.care_plan_id is not null
  and (p.plan_start_date > p.snapshot_date or p.plan_start_date < p.care_start_date);
