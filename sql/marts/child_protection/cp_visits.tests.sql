-- test: numerators_within_denominators
select * from marts.cp_visits
where visits_within_timescale > visits_timed or visits_timed > visits
   or visits_child_seen_alone > visits_child_seen or visits_child_seen > visits
   or children_visit_up_to_date > children_on_plan;

-- test: rates_within_their_denominators
-- Invariants of the counts, not the model's formula restated (reference.pct / rate_per_10k compute them):
-- a percentage's numerator lies within its denominator, the percentage within 0-100, null exactly when the denominator is 0.
select * from marts.cp_visits
where not (visits_within_timescale between 0 and visits_timed) or not (visits_within_timescale_pct between 0 and 100) or (visits_within_timescale_pct is null) <> (visits_timed = 0)
   or not (visits_child_seen_alone between 0 and visits_child_seen) or not (visits_seen_alone_pct between 0 and 100) or (visits_seen_alone_pct is null) <> (visits_child_seen = 0)
   or not (children_visit_up_to_date between 0 and children_on_plan) or not (children_visit_up_to_date_pct between 0 and 100) or (children_visit_up_to_date_pct is null) <> (children_on_plan = 0);

-- test: denominator_never_zero_where_a_rate_is_shown
select * from marts.cp_visits
where (visits_within_timescale_pct is not null and visits_timed = 0)
   or (visits_seen_alone_pct is not null and visits_child_seen = 0)
   or (children_visit_up_to_date_pct is not null and children_on_plan = 0);

-- test: flows_add_up_to_their_financial_year
select fy.period_label
from marts.cp_visits as fy
join marts.cp_visits as m
  on m.period_type = 'month' and m.period_start between fy.period_start and fy.period_end
where fy.period_type = 'financial_year'
group by fy.period_label, fy.visits, fy.visits_within_timescale
having fy.visits <> sum(m.visits) or fy.visits_within_timescale <> sum(m.visits_within_timescale);
