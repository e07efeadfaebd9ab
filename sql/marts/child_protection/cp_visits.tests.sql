-- test: numerators_within_denominators
select * from marts.cp_visits
where visits_within_timescale > visits_timed or visits_timed > visits
   or visits_child_seen_alone > visits_child_seen or visits_child_seen > visits
   or children_visit_up_to_date > children_on_plan;

-- test: rates_recompute_from_counts
select * from marts.cp_visits
where visits_within_timescale_pct is distinct from round(100.0 * visits_within_timescale / nullif(visits_timed, 0), 1)
   or visits_seen_alone_pct is distinct from round(100.0 * visits_child_seen_alone / nullif(visits_child_seen, 0), 1)
   or children_visit_up_to_date_pct is distinct from
        round(100.0 * children_visit_up_to_date / nullif(children_on_plan, 0), 1);

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
