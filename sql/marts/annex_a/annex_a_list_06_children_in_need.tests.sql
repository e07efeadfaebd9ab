-- test: open_children_are_the_marts_children_in_need
-- The children with an episode open at the as-at date on List 6 (default window) are exactly the children
-- int_cin_episodes_open_at_period_end lists at that date, and as many as marts.children_in_need counts.
with w as (select * from marts.annex_a_window),
listed as (select distinct child_id as person_id from marts.annex_a_list_06_children_in_need where is_open_at_as_at),
counted as (
    select o.person_id from intermediate.int_cin_episodes_open_at_period_end as o, w
    where o.period_type = 'month' and o.reference_date = w.as_at_date
),
mart as (
    select m.children_in_need from marts.children_in_need as m, w
    where m.period_type = 'month' and w.as_at_date between m.period_start and m.period_end
)
select 'listed as open, not a child in need in the mart' as problem, person_id, null as n from (select person_id from listed except select person_id from counted)
union all
select 'a child in need in the mart, not listed as open', person_id, null from (select person_id from counted except select person_id from listed)
union all
select 'open children listed <> marts.children_in_need', null, (select count(*) from listed) from mart
where mart.children_in_need <> (select count(*) from listed);

-- test: case_status_agrees_with_the_marts_lists
-- Looked after / CP plan status at the as-at date is the marts' own child-level lists at that date.
with w as (select * from marts.annex_a_window),
l as (select * from marts.annex_a_list_06_children_in_need where is_open_at_as_at),
cla as (select c.person_id from intermediate.int_cla_at_period_end as c, w where c.period_type = 'month' and c.snapshot_date = w.as_at_date),
cp as (select p.person_id from intermediate.int_cp_plans_open_at_period_end as p, w where p.period_type = 'month' and p.reference_date = w.as_at_date)
select l.referral_id, l.child_id, l.case_status from l
where (l.case_status = 'looked_after') <> (l.child_id in (select person_id from cla))
   or (l.case_status = 'cp_plan' and l.child_id not in (select person_id from cp))
   or (l.case_status not in ('looked_after', 'cp_plan') and l.child_id in (select person_id from cp));
