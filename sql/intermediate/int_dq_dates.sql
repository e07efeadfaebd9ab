/*
grain: one row per care episode, placement or child protection plan that overlaps an earlier-starting one of the same child, and per placement starting outside care
definition: |
  Records of one child that must follow one another but overlap (SSDA903 validator rules 303/503-style
  "episodes must not overlap"; CIN census: a child has one CP plan at a time).
  - CLA_EPISODE_OVERLAP (ssd_cla_episodes), CLA_PLACEMENT_OVERLAP (ssd_cla_placement), CP_PLAN_OVERLAP
    (ssd_cp_plans): record B overlaps record A when both belong to the child, A starts before B (or on the
    same day with the smaller id), and B starts before A ends (A open counts as never ending). A change on
    the day the previous one ends (A's end = B's start) is not an overlap. The later-starting record B is
    listed, naming the record(s) it overlaps, so one overlapping pair is one issue.
  - CLA_PLACEMENT_OUTSIDE_CARE (ssd_cla_placement): a placement that starts on a day the child is in none
    of their care episodes (ssd_cla_episodes: started on or before that day and not ceased by it), typically
    a placement typed in before the period of care began. The SSDA903 return cannot carry it (Episodes has
    no placement start date: an episode begins at DECOM, the start of care or of the change, so DfE's rules
    never see the placement's own start), so it is reported here (int_ssda903_episodes, issue 15).
  - Checked when B (or the placement) was in force at some time from scope_start (int_dq_scope).
  - An end date before the record's own start date never reaches here: the load quarantines that row with
    its reason (contract date_order), so it is listed in the load report and quarantine/, not here.
columns:
  rule_code: CLA_EPISODE_OVERLAP, CLA_PLACEMENT_OVERLAP, CP_PLAN_OVERLAP or CLA_PLACEMENT_OUTSIDE_CARE.
  source_table: SSD table of the record.
  record_id: The later-starting record.
  person_id: The child.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: The record(s) it overlaps; for a placement outside care, its start date.
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
),

outside_care as (
    select placements.placement_id, placements.person_id, placements.start_date
    from staging.stg_case__cla_placement as placements
    cross join scope
    where placements.person_id is not null
      and placements.start_date is not null
      and placements.start_date <= scope.as_at_date
      and (placements.end_date is null or placements.end_date >= scope.scope_start)
      and not exists (
          select 1 from staging.stg_case__cla_episodes as episodes
          where episodes.person_id = placements.person_id
            and episodes.start_date <= placements.start_date
            and (episodes.ceased_date is null or placements.start_date < episodes.ceased_date)
      )
)

select
    'CLA_PLACEMENT_OUTSIDE_CARE' as rule_code,
    'ssd_cla_placement' as source_table,
    placement_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'starts ' || strftime(start_date, '%d/%m/%Y') || ', when the child is in no care episode' as detail
from outside_care

union all

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
