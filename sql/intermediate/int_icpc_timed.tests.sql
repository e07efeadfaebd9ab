-- test: conference_not_before_strategy_discussion
select * from intermediate.int_icpc_timed
where duration_working_days < 0;
