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
