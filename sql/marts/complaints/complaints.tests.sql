-- test: in_time_within_measured
select * from marts.complaints
where stage1_in_time > stage1_responded or stage2_in_time > stage2_responded
   or stage3_panels_in_time > stage3_panels or member_enquiries_in_time > member_enquiries_responded;

-- test: escalation_within_received
select * from marts.complaints
where stage1_escalated > stage1_received or stage2_escalated > stage2_received
   or stage1_child_on_cp_or_cla > stage1_about_child or stage1_about_child > stage1_received;

-- test: months_add_up_to_their_year
select y.period_label, y.stage1_received, sum(m.stage1_received) as months
from marts.complaints as y
join marts.complaints as m
    on m.period_type = 'month' and m.period_start between y.period_start and y.period_end
where y.period_type = 'financial_year'
group by all
having y.stage1_received <> sum(m.stage1_received);

-- test: every_complaint_stage_has_a_known_stage_number
select * from intermediate.int_complaints_timed where stage not in (1, 2, 3);

-- test: outcomes_are_in_the_code_list
select * from intermediate.int_complaints_timed
where outcome is not null and outcome not in ('upheld', 'partly_upheld', 'not_upheld', 'withdrawn');

-- test: stage_rows_agree_with_the_stage_columns
select c.period_type, c.period_label
from marts.complaints as c
join marts.complaints_by_stage as s1 on s1.period_type = c.period_type and s1.period_label = c.period_label and s1.stage = 1
join marts.complaints_by_stage as s2 on s2.period_type = c.period_type and s2.period_label = c.period_label and s2.stage = 2
join marts.complaints_by_stage as s3 on s3.period_type = c.period_type and s3.period_label = c.period_label and s3.stage = 3
where s1.received <> c.stage1_received or s2.received <> c.stage2_received or s3.received <> c.stage3_received
   or s1.measured <> c.stage1_responded or s1.in_time <> c.stage1_in_time
   or s2.measured <> c.stage2_responded or s2.in_time <> c.stage2_in_time
   or s3.measured <> c.stage3_panels or s3.in_time <> c.stage3_panels_in_time
   or s1.upheld <> c.stage1_upheld or s1.partly_upheld <> c.stage1_partly_upheld
   or s1.not_upheld <> c.stage1_not_upheld or s1.withdrawn <> c.stage1_withdrawn
   or s1.escalated <> c.stage1_escalated or s2.escalated <> c.stage2_escalated
   or s1.child_on_cp_or_cla <> c.stage1_child_on_cp_or_cla;

-- test: outcomes_within_responses
select * from marts.complaints_by_stage
where upheld + partly_upheld + not_upheld + withdrawn > responded or in_time > measured
   or open_overdue_at_end > open_at_end or escalated > received;

-- test: service_areas_add_up_to_the_service
select c.period_type, c.period_label
from marts.complaints as c
left join marts.complaints_by_service_area as a using (period_type, period_label)
group by c.period_type, c.period_label, c.stage1_received, c.stage1_responded, c.compliments_received
having coalesce(sum(a.stage1_received), 0) <> c.stage1_received
    or coalesce(sum(a.stage1_responded), 0) <> c.stage1_responded
    or coalesce(sum(a.compliments_received), 0) <> c.compliments_received;
