/*
grain: one row per child protection plan with no category of abuse
definition: |
  CP_PLAN_NO_CATEGORY: a child protection plan (ssd_cp_plans) in force at some time from scope_start
  (int_dq_scope) to the as-at date whose initial category of abuse is blank or not one staging recognises
  (neglect, physical, sexual, emotional, multiple: staging.stg_case__cp_plans). The CIN census's
  InitialCategoryOfAbuse, Annex A List 7 and the plans-by-category indicators need it.
columns:
  rule_code: CP_PLAN_NO_CATEGORY.
  source_table: ssd_cp_plans.
  record_id: The CP plan id.
  person_id: The child.
  team_id: Null (the child's allocation is used).
  worker_id: Null.
  detail: Start date and what the category field holds (blank or unrecognised).
tests:
  unique: [record_id]
  not_null: [record_id, person_id]
*/
with scope as (
    select * from intermediate.int_dq_scope
)

select
    'CP_PLAN_NO_CATEGORY' as rule_code,
    'ssd_cp_plans' as source_table,
    plans.cp_plan_id as record_id,
    plans.person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    'plan started ' || strftime(plans.start_date, '%d/%m/%Y') || ', initial category '
        || case when plans.initial_category is null then 'blank' else 'not recognised' end as detail
from staging.stg_case__cp_plans as plans
cross join scope
where plans.start_date <= scope.as_at_date
  and (plans.end_date is null or plans.end_date >= scope.scope_start)
  and (plans.initial_category is null or plans.initial_category = 'unrecognised')
