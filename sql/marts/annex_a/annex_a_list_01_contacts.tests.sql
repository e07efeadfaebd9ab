-- test: rows_are_the_contacts_in_the_window
-- List 1 (default window) holds exactly the contacts behind marts.contacts_by_source_outcome received in the window.
with w as (select * from marts.annex_a_window),
listed as (select contact_id from marts.annex_a_list_01_contacts),
counted as (
    select c.contact_id from intermediate.int_contacts_classified as c, w
    where c.contact_date between w.window_start and w.as_at_date
)
select 'listed, not in the mart''s contacts' as problem, contact_id from (select contact_id from listed except select contact_id from counted)
union all
select 'in the mart''s contacts, not listed', contact_id from (select contact_id from counted except select contact_id from listed);
