-- test: no_enquiry_ends_before_it_starts
select * from staging.stg_case__s47_enquiry
where end_date < strategy_discussion_date;
