-- test: authorised_rows_are_the_front_door_assessments_completed
-- The List 4 rows authorised in the (default) window are exactly the assessments marts.front_door counts as
-- completed (int_assessments_timed) in it.
with w as (select * from marts.annex_a_window),
listed as (
    select l.assessment_id from marts.annex_a_list_04_assessments as l, w
    where l.authorised_date between w.window_start and w.as_at_date
),
counted as (
    select a.assessment_id from intermediate.int_assessments_timed as a, w
    where a.authorised_date between w.window_start and w.as_at_date
)
select 'listed as authorised, not counted' as problem, assessment_id from (select assessment_id from listed except select assessment_id from counted)
union all
select 'counted, not listed as authorised', assessment_id from (select assessment_id from counted except select assessment_id from listed);
