-- test: categories_add_up_to_the_cohort
select period_type, period_label, cohort
from marts.cp_category_of_abuse
group by period_type, period_label, cohort
having sum(initial_count) <> max(cohort_total) or sum(latest_count) <> max(cohort_total)
    or min(cohort_total) <> max(cohort_total);

-- test: shares_recompute_from_counts
select * from marts.cp_category_of_abuse
where initial_share_pct is distinct from round(100.0 * initial_count / nullif(cohort_total, 0), 1)
   or latest_share_pct is distinct from round(100.0 * latest_count / nullif(cohort_total, 0), 1);

-- test: on_plan_cohort_matches_cp_plans
select c.period_type, c.period_label
from marts.cp_category_of_abuse as c
join marts.cp_plans as p using (period_type, period_label)
where (c.cohort = 'on_plan_at_period_end' and c.cohort_total <> p.children_on_plan)
   or (c.cohort = 'started_in_period' and c.cohort_total <> p.plan_starts);
