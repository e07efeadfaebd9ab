-- test: shift_adds_up_to_the_category_counts
select s.period_type, s.period_label, s.cohort, s.initial_category
from marts.cp_category_shift as s
join marts.cp_category_of_abuse as c
  on c.period_type = s.period_type and c.period_label = s.period_label and c.cohort = s.cohort
 and c.category = s.initial_category
group by s.period_type, s.period_label, s.cohort, s.initial_category, c.initial_count
having sum(s.children) <> c.initial_count;

-- test: shares_add_up_to_100
-- The latest categories of the children who started in one category share that category's 100%, give or take
-- 0.05 of rounding per latest category.
select period_type, period_label, cohort, initial_category, sum(share_of_initial_pct) as total_pct
from marts.cp_category_shift
group by period_type, period_label, cohort, initial_category
having sum(children) > 0
   and (abs(sum(share_of_initial_pct) - 100) > 0.05 * count(*) + 0.001 or min(share_of_initial_pct) < 0);
