/*
grain: one row per record and data-quality problem open at the as-at date
definition: |
  The list a performance team works through: every record that breaks a data-quality rule, for which
  child, who holds the case, what is wrong in plain English, which output it would spoil (Annex A list,
  SSDA903 table, CIN census element, indicator) and how long it has been open. Rules, messages, severities
  and what each spoils are the seed catalogue sql/seeds/data_quality_rules.csv (reference.data_quality_rules);
  each rule family is one model, intermediate.int_dq_<family>, unioned here.
  - Allocated team and worker: those named on the record itself where it has them (an assessment, an
    allocation, a care-leaver record), else the child's allocation on the as-at date, else the child's most
    recent allocation (intermediate.int_dq_allocations).
  - First seen: the as-at date of the first build that found this issue (same rule, table and record),
    carried from one published warehouse to the next in ops.data_quality_first_seen; an issue found for the
    first time, or on a first install, is first seen at this build's as-at date. An issue that is corrected
    and later comes back starts again. days_open = as-at date - first seen date.
  - Load-time problems (a row refused by its contract) are not here: they are in quarantine/ and
    ops.load_report, and never reach the marts.
  - Rows are stored in no particular order: query with `order by rule_code, allocated_team, record_id` for the
    working list. Sorting the table as it is built (ten million rows of long messages at national scale) ran
    out of DuckDB's 4 GB where the same build without the sort finished; no output reads it unsorted.
columns:
  issue_key: Rule, source table and record id joined by '|', the issue's identity from night to night.
  rule_code: Rule code (reference.data_quality_rules).
  family: Rule family (the intermediate.int_dq_<family> model that found it).
  severity: error (a return or Annex A would be wrong) or warning (worth correcting; the output still stands).
  source_table: SSD table holding the record to correct.
  record_id: Id of the record to correct in that table.
  person_id: The child.
  allocated_team: Team to correct it (name where known).
  allocated_worker: Worker id to correct it.
  message: Plain-English statement of the problem and what was found (no names or dates of birth).
  spoils: The outputs the problem would spoil.
  how_to_fix: What to do in the case system.
  first_seen_date: As-at date of the first build that found the issue.
  days_open: Days from first seen to this build's as-at date.
  as_at_date: This build's as-at date.
tests:
  unique: [issue_key]
  not_null: [issue_key, rule_code, severity, source_table, record_id, person_id, message, first_seen_date, days_open]
*/
with found as (
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_person
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_upn
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_duplicates
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_assessments
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_dates
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_placements
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_care_leavers
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_child_protection
    union all
    select rule_code, source_table, record_id, person_id, team_id, worker_id, detail from intermediate.int_dq_workforce
),

rules as (
    select * from reference.data_quality_rules
),

scope as (
    select * from intermediate.int_dq_scope
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

seen_before as (
    select issue_key, min(first_seen_date) as first_seen_date
    from ops.data_quality_first_seen
    group by issue_key
),

issues as (
    select
        found.rule_code || '|' || found.source_table || '|' || found.record_id as issue_key,
        found.*
    from found
)

select
    issues.issue_key,
    issues.rule_code,
    rules.family,
    rules.severity,
    issues.source_table,
    issues.record_id,
    issues.person_id,
    coalesce(record_team.team_name, issues.team_id, allocations.team_name) as allocated_team,
    coalesce(issues.worker_id, allocations.worker_id) as allocated_worker,
    rules.message || coalesce(': ' || issues.detail, '') as message,
    nullif(concat_ws('; ',
        case when nullif(rules.annex_a, '') is not null then 'Annex A ' || rules.annex_a end,
        case when nullif(rules.ssda903, '') is not null then 'SSDA903 ' || rules.ssda903 end,
        case when nullif(rules.cin_census, '') is not null then 'CIN census ' || rules.cin_census end,
        case when nullif(rules.indicator, '') is not null then 'indicators: ' || rules.indicator end), '') as spoils,
    rules.how_to_fix,
    least(coalesce(seen_before.first_seen_date, scope.as_at_date), scope.as_at_date) as first_seen_date,
    date_diff('day', least(coalesce(seen_before.first_seen_date, scope.as_at_date), scope.as_at_date), scope.as_at_date)
        as days_open,
    scope.as_at_date
from issues
cross join scope
inner join rules using (rule_code)
left join teams as record_team on record_team.team_id = issues.team_id
left join intermediate.int_dq_allocations as allocations on allocations.person_id = issues.person_id
left join seen_before using (issue_key)
