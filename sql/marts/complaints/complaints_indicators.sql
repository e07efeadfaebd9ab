/*
grain: one row per complaints indicator, period type and period
definition: |
  marts.complaints reshaped to the long indicator shape (see marts.indicator_values). DfE publishes no
  complaints statistics: every code here is local (published_comparable = false in the catalogue).
columns:
  indicator_code: Indicator code (see reference.indicator_catalogue).
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for a period still in progress at the as-at date.
  value: The indicator's value.
  numerator: Count behind the value.
  denominator: Denominator behind a % or ratio; null for a plain count.
tests:
  unique: [indicator_code, period_type, period_label]
*/
with c as (
    select * from marts.complaints
),

long as (
    select 'complaints_stage1_count' as indicator_code, period_type, period_label, period_start, period_end, is_complete,
        cast(stage1_received as double) as value, cast(stage1_received as bigint) as numerator, cast(null as bigint) as denominator
    from c
    union all
    select 'complaints_stage2_count', period_type, period_label, period_start, period_end, is_complete,
        stage2_received, stage2_received, null
    from c
    union all
    select 'complaints_stage3_count', period_type, period_label, period_start, period_end, is_complete,
        stage3_received, stage3_received, null
    from c
    union all
    select 'complaints_stage1_in_time_pct', period_type, period_label, period_start, period_end, is_complete,
        stage1_in_time_pct, stage1_in_time, stage1_responded
    from c
    union all
    select 'complaints_stage2_in_time_pct', period_type, period_label, period_start, period_end, is_complete,
        stage2_in_time_pct, stage2_in_time, stage2_responded
    from c
    union all
    select 'complaints_stage3_panel_in_time_pct', period_type, period_label, period_start, period_end, is_complete,
        stage3_panels_in_time_pct, stage3_panels_in_time, stage3_panels
    from c
    union all
    select 'complaints_stage1_to_stage2_pct', period_type, period_label, period_start, period_end, is_complete,
        stage1_escalated_pct, stage1_escalated, stage1_received
    from c
    union all
    select 'complaints_stage2_to_stage3_pct', period_type, period_label, period_start, period_end, is_complete,
        stage2_escalated_pct, stage2_escalated, stage2_received
    from c
    union all
    select 'complaints_stage1_upheld_or_partly_pct', period_type, period_label, period_start, period_end, is_complete,
        stage1_upheld_or_partly_pct, stage1_upheld + stage1_partly_upheld,
        stage1_upheld + stage1_partly_upheld + stage1_not_upheld
    from c
    union all
    select 'complaints_communication_pct', period_type, period_label, period_start, period_end, is_complete,
        reference.pct(stage1_communication, stage1_received), stage1_communication, stage1_received
    from c
    union all
    select 'complaints_child_cp_or_cla_pct', period_type, period_label, period_start, period_end, is_complete,
        reference.pct(stage1_child_on_cp_or_cla, stage1_about_child), stage1_child_on_cp_or_cla, stage1_about_child
    from c
    union all
    select 'compliments_count', period_type, period_label, period_start, period_end, is_complete,
        compliments_received, compliments_received, null
    from c
    union all
    select 'compliments_per_complaint', period_type, period_label, period_start, period_end, is_complete,
        compliments_per_complaint, compliments_received, stage1_received
    from c
    union all
    select 'member_enquiries_count', period_type, period_label, period_start, period_end, is_complete,
        member_enquiries_received, member_enquiries_received, null
    from c
    union all
    select 'member_enquiries_in_time_pct', period_type, period_label, period_start, period_end, is_complete,
        member_enquiries_in_time_pct, member_enquiries_in_time, member_enquiries_responded
    from c
)

select * from long
