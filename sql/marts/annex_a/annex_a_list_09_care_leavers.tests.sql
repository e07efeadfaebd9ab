-- test: rows_are_the_marts_care_leavers
-- List 9 (default as-at) holds exactly the young people int_care_leavers_at_period_end lists at the as-at
-- date, and as many as marts.care_leavers care_leavers_open.
with w as (select * from marts.annex_a_window),
listed as (select child_id as person_id from marts.annex_a_list_09_care_leavers),
counted as (
    select o.person_id from intermediate.int_care_leavers_at_period_end as o, w
    where o.period_type = 'month' and o.snapshot_date = w.as_at_date
),
mart as (
    select m.care_leavers_open from marts.care_leavers as m, w
    where m.period_type = 'month' and w.as_at_date between m.period_start and m.period_end
)
select 'listed, not a care leaver in the mart' as problem, person_id, null as n from (select person_id from listed except select person_id from counted)
union all
select 'a care leaver in the mart, not listed', person_id, null from (select person_id from counted except select person_id from listed)
union all
select 'rows <> marts.care_leavers care_leavers_open', null, (select count(*) from listed) from mart
where mart.care_leavers_open <> (select count(*) from listed);
