-- test: no_legal_status_ends_before_it_starts
select legal_status_id, start_date, end_date from staging.stg_case__legal_status
where end_date < start_date;
