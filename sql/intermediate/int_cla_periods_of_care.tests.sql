-- test: no_period_of_care_ends_before_it_starts
select period_of_care_id, start_date, end_date from intermediate.int_cla_periods_of_care
where end_date < start_date;

-- test: periods_of_care_of_a_child_never_overlap
select a.period_of_care_id, b.period_of_care_id as overlapping
from intermediate.int_cla_periods_of_care as a
join intermediate.int_cla_periods_of_care as b
  on a.person_id = b.person_id and a.period_number < b.period_number
where a.end_date is null or a.end_date > b.start_date;
