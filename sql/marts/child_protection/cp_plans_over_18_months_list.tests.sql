-- test: list_matches_the_count
select p.period_type, p.period_label
from marts.cp_plans as p
left join marts.cp_plans_over_18_months_list as l using (period_type, period_label)
group by p.period_type, p.period_label, p.children_open_over_18_months
having p.children_open_over_18_months <> count(l.person_id);

-- test: every_listed_plan_is_over_18_months
select * from marts.cp_plans_over_18_months_list
where months_on_plan < reference.setting_int('cpp_long_plan_list_months');
