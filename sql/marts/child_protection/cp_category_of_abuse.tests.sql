-- test: categories_add_up_to_the_cohort
select period_type, period_label, cohort
from marts.cp_category_of_abuse
group by period_type, period_label, cohort
having sum(initial_count) <> max(cohort_total) or sum(latest_count) <> max(cohort_total)
    or min(cohort_total) <> max(cohort_total);

-- test: shares_add_up_to_100
-- Each cohort's category shares sum to 100, give or take 0.05 of rounding per category.
select period_type, period_label, cohort, sum(initial_share_pct) as initial_total, sum(latest_share_pct) as latest_total
from marts.cp_category_of_abuse
group by period_type, period_label, cohort
having max(cohort_total) > 0
   and (abs(sum(initial_share_pct) - 100) > 0.05 * count(*) + 0.001 or abs(sum(latest_share_pct) - 100) > 0.05 * count(*) + 0.001
        or min(least(initial_share_pct, latest_share_pct)) < 0);

-- test: on_plan_cohort_matches_cp_plans
select c.period_type, c.period_label
from marts.cp_category_of_abuse as c
join marts.cp_plans as p using (period_type, period_label)
where (c.cohort = 'on_plan_at_period_end' and c.cohort_total <> p.children_on_plan)
   or (c.cohort = 'started_in_period' and c.cohort_total <> p.plan_starts);
