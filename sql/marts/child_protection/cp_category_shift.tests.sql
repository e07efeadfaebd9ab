-- test: shift_adds_up_to_the_category_counts
select s.period_type, s.period_label, s.cohort, s.initial_category
from marts.cp_category_shift as s
join marts.cp_category_of_abuse as c
  on c.period_type = s.period_type and c.period_label = s.period_label and c.cohort = s.cohort
 and c.category = s.initial_category
group by s.period_type, s.period_label, s.cohort, s.initial_category, c.initial_count
having sum(s.children) <> c.initial_count;

-- test: shares_recompute_from_counts
select s.*
from marts.cp_category_shift as s
join (
    select period_type, period_label, cohort, initial_category, sum(children) as initial_total
    from marts.cp_category_shift group by all
) as t using (period_type, period_label, cohort, initial_category)
where s.share_of_initial_pct is distinct from round(100.0 * s.children / nullif(t.initial_total, 0), 1);
