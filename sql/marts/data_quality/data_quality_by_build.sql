/*
grain: one row per build as-at date, rule and allocated team with open data-quality issues
definition: |
  The history behind the data-quality trend: for every earlier build, the open issues it found by rule and
  team (ops.data_quality_history, carried from one published warehouse to the next), plus this build's
  counts from marts.data_quality_issues. A rebuild on the same as-at date replaces that date's counts. After
  the build publishes, these rows become the next build's ops.data_quality_history.
columns:
  as_at_date: As-at date of the build that counted.
  rule_code: Rule code.
  allocated_team: Allocated team ('(no allocation)' when none).
  open_issues: Issues open at that build.
  new_issues: Of them, first seen at that build.
tests:
  unique: [as_at_date, rule_code, allocated_team]
  not_null: [as_at_date, rule_code, allocated_team, open_issues, new_issues]
*/
with current_issues as (
    select * from marts.data_quality_issues
),

today as (
    select
        scope.as_at_date,
        current_issues.rule_code,
        coalesce(current_issues.allocated_team, '(no allocation)') as allocated_team,
        count(*) as open_issues,
        count(*) filter (where current_issues.first_seen_date = scope.as_at_date) as new_issues
    from current_issues
    cross join intermediate.int_dq_scope as scope
    group by all
),

earlier as (
    select history.as_at_date, history.rule_code, history.allocated_team, history.open_issues, history.new_issues
    from ops.data_quality_history as history
    cross join intermediate.int_dq_scope as scope
    where history.as_at_date < scope.as_at_date
)

select * from earlier
union all
select * from today
