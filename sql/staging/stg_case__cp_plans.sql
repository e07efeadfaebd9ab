/*
grain: one row per child protection plan (ssd_cp_plans)
definition: |
  Child protection plans, renamed and typed, with the category of abuse bucketed to DfE's five exclusive
  categories: neglect, physical, sexual, emotional, multiple (a child counted once). Case systems send the
  category as the CIN census code (NEG, PHY, SAB, EMO, MUL), as the SSD's words ("Neglect", "Physical abuse",
  ...), as "Multiple: [list]", or as a delimited or JSON list; a list naming more than one category is
  multiple. A value that names none of the five is 'unrecognised'; a blank is null.
  The initial category is the one set when the plan began (at the ICPC); the latest category is the one
  recorded at the most recent review (SSD: it may equal the initial one, and may be blank when no review has
  changed it).
columns:
  cp_plan_id: CP plan id (cppl_cp_plan_id).
  person_id: The child (cppl_person_id).
  referral_id: The referral / CIN episode (cppl_referral_id).
  icpc_id: The initial conference that started the plan (cppl_icpc_id).
  start_date: Plan start date (cppl_cp_plan_start_date).
  end_date: Plan end date (cppl_cp_plan_end_date); null while open.
  initial_category: Category of abuse at plan start, bucketed (neglect, physical, sexual, emotional, multiple, unrecognised).
  latest_category: Category of abuse at the latest review, bucketed; null when not recorded.
  initial_category_code: Initial category as sent (cppl_cp_plan_initial_category).
  latest_category_code: Latest category as sent (cppl_cp_plan_latest_category).
  is_other_la_plan: True for another local authority's plan held for history (cppl_cp_plan_ola); blank is read as this authority's plan.
tests:
  unique: [cp_plan_id]
  not_null: [cp_plan_id, person_id]
*/
with plans as (
    select
        *,
        nullif(lower(trim(cppl_cp_plan_initial_category)), '') as initial_text,
        nullif(lower(trim(cppl_cp_plan_latest_category)), '') as latest_text
    from lake.case__ssd_cp_plans
),

flagged as (
    select
        *,
        -- which of the four single categories each value names (CIN code or word)
        regexp_matches(initial_text, '\bneg') as initial_neglect,
        regexp_matches(initial_text, '\bphy') as initial_physical,
        regexp_matches(initial_text, '\bsab\b|\bsex') as initial_sexual,
        regexp_matches(initial_text, '\bemo') as initial_emotional,
        regexp_matches(initial_text, '\bmul') as initial_multiple,
        regexp_matches(latest_text, '\bneg') as latest_neglect,
        regexp_matches(latest_text, '\bphy') as latest_physical,
        regexp_matches(latest_text, '\bsab\b|\bsex') as latest_sexual,
        regexp_matches(latest_text, '\bemo') as latest_emotional,
        regexp_matches(latest_text, '\bmul') as latest_multiple
    from plans
)

select
    cppl_cp_plan_id as cp_plan_id,
    cppl_person_id as person_id,
    cppl_referral_id as referral_id,
    cppl_icpc_id as icpc_id,
    cppl_cp_plan_start_date as start_date,
    cppl_cp_plan_end_date as end_date,
    case
        when initial_text is null then null
        when initial_multiple
            or cast(initial_neglect as int) + cast(initial_physical as int) + cast(initial_sexual as int)
                + cast(initial_emotional as int) > 1 then 'multiple'
        when initial_neglect then 'neglect'
        when initial_physical then 'physical'
        when initial_sexual then 'sexual'
        when initial_emotional then 'emotional'
        else 'unrecognised'
    end as initial_category,
    case
        when latest_text is null then null
        when latest_multiple
            or cast(latest_neglect as int) + cast(latest_physical as int) + cast(latest_sexual as int)
                + cast(latest_emotional as int) > 1 then 'multiple'
        when latest_neglect then 'neglect'
        when latest_physical then 'physical'
        when latest_sexual then 'sexual'
        when latest_emotional then 'emotional'
        else 'unrecognised'
    end as latest_category,
    cppl_cp_plan_initial_category as initial_category_code,
    cppl_cp_plan_latest_category as latest_category_code,
    coalesce(reference.yes_no(cppl_cp_plan_ola), false) as is_other_la_plan
from flagged
