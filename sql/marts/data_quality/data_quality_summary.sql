/*
grain: one row per month, rule and allocated team with open issues that month or the month before
definition: |
  Open data-quality issues by rule, team and month, with the trend. A month's figure is the count at the
  last build whose as-at date falls in that month (marts.data_quality_by_build, which keeps every
  build's counts from night to night): so the current month is "so far", and a month with no build has no
  row. new_issues adds up the issues first seen at each build in the month. Trend compares with the
  previous month that has a build: up, down or same; 'first month' when there is none. A rule and team
  that had issues last month and none this month shows open_issues 0 and trend down (corrected).
columns:
  month: Calendar month, e.g. 2025-05.
  month_as_at_date: As-at date of the month's last build.
  rule_code: Rule code.
  severity: error or warning.
  allocated_team: Allocated team ('(no allocation)' when none).
  open_issues: Issues open at the month's last build.
  new_issues: Issues first seen in the month (summed over its builds).
  previous_month: The previous month with a build.
  previous_open_issues: Issues open at that month's last build (0 when none for this rule and team).
  change: open_issues - previous_open_issues.
  trend: up, down, same, or first month.
tests:
  unique: [month, rule_code, allocated_team]
  not_null: [month, rule_code, allocated_team, open_issues, new_issues, trend]
*/
with daily as (
    select *, strftime(as_at_date, '%Y-%m') as month from marts.data_quality_by_build
),

months as (
    select month, max(as_at_date) as month_as_at_date
    from (select distinct month, as_at_date from daily)
    group by month
),

months_ordered as (
    select month, month_as_at_date, lag(month) over (order by month) as previous_month
    from months
),

at_month_end as (
    select daily.month, daily.rule_code, daily.allocated_team, daily.open_issues
    from daily
    inner join months using (month)
    where daily.as_at_date = months.month_as_at_date
),

new_in_month as (
    select month, rule_code, allocated_team, sum(new_issues) as new_issues
    from daily
    group by all
),

keys as (
    -- This month's rule/teams, and last month's (so a rule/team corrected to nothing shows as 0).
    select month, rule_code, allocated_team from at_month_end
    union
    select months_ordered.month, at_month_end.rule_code, at_month_end.allocated_team
    from months_ordered
    inner join at_month_end on at_month_end.month = months_ordered.previous_month
)

select
    keys.month,
    months_ordered.month_as_at_date,
    keys.rule_code,
    rules.severity,
    keys.allocated_team,
    coalesce(current_month.open_issues, 0) as open_issues,
    coalesce(new_in_month.new_issues, 0) as new_issues,
    months_ordered.previous_month,
    case when months_ordered.previous_month is not null then coalesce(previous.open_issues, 0) end as previous_open_issues,
    case when months_ordered.previous_month is not null
        then coalesce(current_month.open_issues, 0) - coalesce(previous.open_issues, 0) end as change,
    case
        when months_ordered.previous_month is null then 'first month'
        when coalesce(current_month.open_issues, 0) > coalesce(previous.open_issues, 0) then 'up'
        when coalesce(current_month.open_issues, 0) < coalesce(previous.open_issues, 0) then 'down'
        else 'same'
    end as trend
from keys
inner join months_ordered using (month)
left join at_month_end as current_month
    on current_month.month = keys.month and current_month.rule_code = keys.rule_code
    and current_month.allocated_team = keys.allocated_team
left join at_month_end as previous
    on previous.month = months_ordered.previous_month and previous.rule_code = keys.rule_code
    and previous.allocated_team = keys.allocated_team
left join new_in_month
    on new_in_month.month = keys.month and new_in_month.rule_code = keys.rule_code
    and new_in_month.allocated_team = keys.allocated_team
left join reference.data_quality_rules as rules on rules.rule_code = keys.rule_code
order by keys.month, keys.rule_code, keys.allocated_team
