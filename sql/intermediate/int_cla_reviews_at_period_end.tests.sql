-- test: up_to_date_only_within_the_cohort_and_never_when_overdue
select period_label, person_id from intermediate.int_cla_reviews_at_period_end
where reviews_up_to_date and (not review_cohort or is_review_overdue or late_reviews_in_period > 0);

-- test: next_review_due_not_before_the_last_review
select period_label, person_id, last_review_date, next_review_due from intermediate.int_cla_reviews_at_period_end
where next_review_due < last_review_date;

-- test: one_row_per_child_looked_after_at_the_snapshot
select cla.period_label, cla.person_id from intermediate.int_cla_at_period_end as cla
where not exists (
    select 1 from intermediate.int_cla_reviews_at_period_end as r
    where r.period_type = cla.period_type and r.period_label = cla.period_label and r.person_id = cla.person_id);
