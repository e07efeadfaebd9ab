/*
grain: one row per care episode, placement or child protection plan that overlaps an earlier-starting one of the same child
definition: |
  Records of one child that must follow one another but overlap (SSDA903 validator rules 303/503-style
  "episodes must not overlap"; CIN census: a child has one CP plan at a time).
  - CLA_EPISODE_OVERLAP (ssd_cla_episodes), CLA_PLACEMENT_OVERLAP (ssd_cla_placement), CP_PLAN_OVERLAP
    (ssd_cp_plans): record B overlaps record A when both belong to the child, A starts before B (or on the
    same day with the smaller id), and B starts before A ends (A open counts as never ending). A change on
    the day the previous one ends (A's end = B's start) is not an overlap. The later-starting record B is
    listed, naming the record(s) it overlaps, so one overlapping pair is one issue.
  - Checked when B was in force at some time from scope_start (int_dq_scope).
  - An end date before the record's own start date never reaches here: the load quarantines that row with
    its reason (contract date_order), so it is listed in the load report and quarantine/, not here.
columns:
  rule_code: CLA_EPISODE_OVERLAP, CLA_PLACEMENT_OVERLAP or CP_PLAN_OVERLAP.
  source_table: SSD table of the record.
  record_id: The later-starting record.
  person_id: The child.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: The record(s) it overlaps.
tests:
  unique: [rule_code, record_id]
  not_null: [rule_code, record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
),

spans as (
    select 'CLA_EPISODE_OVERLAP' as rule_code, 'ssd_cla_episodes' as source_table, episode_id as record_id,
        person_id, start_date, ceased_date as end_date
    from staging.stg_case__cla_episodes
    union all
    select 'CLA_PLACEMENT_OVERLAP', 'ssd_cla_placement', placement_id, person_id, start_date, end_date
    from staging.stg_case__cla_placement
    union all
    select 'CP_PLAN_OVERLAP', 'ssd_cp_plans', cp_plan_id, person_id, start_date, end_date
    from staging.stg_case__cp_plans
),

pairs as (
    select
        later.rule_code,
        later.source_table,
        later.record_id,
        later.person_id,
        earlier.record_id as overlapped_id
    from spans as later
    cross join scope
    inner join spans as earlier
        on earlier.rule_code = later.rule_code
        and earlier.person_id = later.person_id
        and (earlier.start_date < later.start_date
            or (earlier.start_date = later.start_date and earlier.record_id < later.record_id))
        and (earlier.end_date is null or later.start_date < earlier.end_date)
    where later.person_id is not null
      and later.start_date <= scope.as_at_date
      and (later.end_date is null or later.end_date >= scope.scope_start)
)

select
    rule_code,
    any_value(source_table) as source_table,
    record_id,
    any_value(person_id) as person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'overlaps ' || string_agg(overlapped_id, ', ' order by overlapped_id) as detail
from pairs
group by rule_code, record_id
