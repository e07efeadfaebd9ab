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

-- test: rates_recompute_from_counts
select * from marts.permanence
where ceased_adopted_pct is distinct from round(100.0 * ceased_adopted / nullif(cla_ceased, 0), 1)
   or ceased_sgo_pct is distinct from round(100.0 * ceased_sgo / nullif(cla_ceased, 0), 1)
   or days_entered_care_to_placed_avg is distinct from round(days_entered_care_to_placed_total / nullif(adoptions_timed_to_placement, 0), 1)
   or with_permanence_plan_pct is distinct from round(100.0 * with_permanence_plan / nullif(cla_count, 0), 1);

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
