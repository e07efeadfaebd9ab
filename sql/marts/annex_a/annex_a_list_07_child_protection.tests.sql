-- test: open_children_are_the_marts_children_on_a_plan
-- The children with a plan open at the as-at date on List 7 (default window) are exactly the children
-- int_cp_plans_open_at_period_end lists at that date, and as many as marts.cp_plans children_on_plan.
with w as (select * from marts.annex_a_window),
listed as (select distinct child_id as person_id from marts.annex_a_list_07_child_protection where is_open_at_as_at),
counted as (
    select o.person_id from intermediate.int_cp_plans_open_at_period_end as o, w
    where o.period_type = 'month' and o.reference_date = w.as_at_date
),
mart as (
    select m.children_on_plan from marts.cp_plans as m, w
    where m.period_type = 'month' and w.as_at_date between m.period_start and m.period_end
)
select 'listed as on a plan, not in the mart' as problem, person_id, null as n from (select person_id from listed except select person_id from counted)
union all
select 'on a plan in the mart, not listed as open', person_id, null from (select person_id from counted except select person_id from listed)
union all
select 'open children listed <> marts.cp_plans children_on_plan', null, (select count(*) from listed) from mart
where mart.children_on_plan <> (select count(*) from listed);
