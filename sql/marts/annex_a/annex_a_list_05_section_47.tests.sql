-- test: rows_are_the_s47_enquiries_started_in_the_window
-- List 5 (default window) holds exactly the enquiries marts.s47_enquiries counts as started in the window.
with w as (select * from marts.annex_a_window),
listed as (select s47_enquiry_id from marts.annex_a_list_05_section_47),
counted as (
    select e.s47_enquiry_id from staging.stg_case__s47_enquiry as e, w
    where e.strategy_discussion_date between w.window_start and w.as_at_date
)
select 'listed, not counted' as problem, s47_enquiry_id from (select s47_enquiry_id from listed except select s47_enquiry_id from counted)
union all
select 'counted, not listed', s47_enquiry_id from (select s47_enquiry_id from counted except select s47_enquiry_id from listed);
