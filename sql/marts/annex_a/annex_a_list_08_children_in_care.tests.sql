-- test: open_children_are_the_marts_children_looked_after
-- The children looked after at the as-at date on List 8 (default window) are exactly the children
-- int_cla_at_period_end lists at that date, and as many as marts.children_in_care cla_count.
with w as (select * from marts.annex_a_window),
listed as (select distinct child_id as person_id from marts.annex_a_list_08_children_in_care where is_open_at_as_at),
counted as (
    select o.person_id from intermediate.int_cla_at_period_end as o, w
    where o.period_type = 'month' and o.snapshot_date = w.as_at_date
),
mart as (
    select m.cla_count from marts.children_in_care as m, w
    where m.period_type = 'month' and w.as_at_date between m.period_start and m.period_end
)
select 'listed as looked after, not in the mart' as problem, person_id, null as n from (select person_id from listed except select person_id from counted)
union all
select 'looked after in the mart, not listed as open', person_id, null from (select person_id from counted except select person_id from listed)
union all
select 'open children listed <> marts.children_in_care cla_count', null, (select count(*) from listed) from mart
where mart.cla_count <> (select count(*) from listed);
