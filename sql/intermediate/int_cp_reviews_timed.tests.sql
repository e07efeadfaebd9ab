-- test: review_not_before_plan_start
select * from intermediate.int_cp_reviews_timed
where review_date < plan_start_date;
