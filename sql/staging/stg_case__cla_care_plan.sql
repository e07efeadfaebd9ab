/*
grain: one row per care plan record of a child looked after (ssd_cla_care_plan)
definition: |
  The permanence plan in a looked-after child's care plan (SSD ssd_cla_care_plan, Annex A "what is the chosen
  permanence plan"), renamed and typed. The plan is sent in one column (lacp_cla_care_plan_json) as the SSD's
  JSON object holding every plan key, a non-blank value marking the plan(s) chosen, e.g.
  {"REMAINSUP": "", ..., "ADOPTION": "Y", "OTHERPLN": ""}; a value of N/No/False/0 is read as not chosen, as
  is a blank. The SSD's own template writes the keys unquoted ({ REMAINSUP: "", ... }); that form is read too,
  as are a JSON array of codes (["ADOPTION"]) and a delimited list or single code (ADOPTION;LTFOST18).
  plan_codes holds the chosen codes, trimmed, upper-cased, distinct and sorted; more than one is parallel
  planning. An empty list (all keys blank, or no value) means no permanence plan agreed yet (SSD: "such as
  recently entered care"). Codes (SSD LACP003A): REMAINSUP remain with birth family supported by short breaks,
  RETURN1M / RETURN6M return to birth family within one / six months, RETURNEV eventual return, LTRELFR long-term
  with relatives or friends, LTFOST18 long-term foster care to 18, RESPLMT residential until independence,
  SUPPLIV supported living towards independence, ADOPTION, OTHERPLN other plan.
columns:
  care_plan_id: Care plan record id (lacp_table_id).
  person_id: The child (lacp_person_id).
  start_date: Date the plan took effect (lacp_cla_care_plan_start_date).
  end_date: Date the plan stopped being in effect (lacp_cla_care_plan_end_date); null while in effect.
  plan_raw: The plan as sent (lacp_cla_care_plan_json).
  plan_codes: Permanence plan codes chosen (REMAINSUP, RETURN1M, RETURN6M, RETURNEV, LTRELFR, LTFOST18, RESPLMT, SUPPLIV, ADOPTION, OTHERPLN), sorted; empty when none.
  has_plan: True when at least one plan code is chosen.
tests:
  unique: [care_plan_id]
  not_null: [care_plan_id, person_id, plan_codes, has_plan]
*/
with records as (
    select
        *,
        nullif(trim(lacp_cla_care_plan_json), '') as raw,
        -- json functions see valid JSON only: DuckDB may evaluate every CASE branch on every row
        case when json_valid(trim(lacp_cla_care_plan_json)) then trim(lacp_cla_care_plan_json) end as raw_json
    from lake.case__ssd_cla_care_plan
),

listed as (
    select
        *,
        case
            when raw is null then []
            when json_type(raw_json) = 'OBJECT'
                then list_filter(json_keys(raw_json), lambda k:
                    nullif(upper(trim(coalesce(json_extract_string(raw_json, '$."' || k || '"'), ''))), '') not in ('N', 'NO', 'FALSE', 'F', '0'))
            when json_type(raw_json) = 'ARRAY'
                then json_extract_string(raw_json, '$[*]')
            when raw_json is not null
                then [json_extract_string(raw_json, '$')]
            when starts_with(raw, '{')
                -- the SSD template's unquoted keys: KEY: "value", keeping keys with a chosen value
                then list_transform(
                    list_filter(regexp_extract_all(raw, '"?[A-Za-z0-9_]+"?\s*:\s*"[^"]*"'), lambda p:
                        nullif(upper(trim(regexp_extract(p, ':\s*"([^"]*)"', 1))), '') not in ('N', 'NO', 'FALSE', 'F', '0')),
                    lambda p: regexp_extract(p, '([A-Za-z0-9_]+)', 1))
            else regexp_split_to_array(regexp_replace(raw, '[\[\]{}"'' ]', '', 'g'), '[,;|]')
        end as codes
    from records
),

coded as (
    select
        *,
        list_sort(list_distinct(list_filter(list_transform(codes, lambda c: upper(trim(c))), lambda c: coalesce(c, '') <> '')))
            as plan_codes
    from listed
)

select
    lacp_table_id as care_plan_id,
    lacp_person_id as person_id,
    lacp_cla_care_plan_start_date as start_date,
    lacp_cla_care_plan_end_date as end_date,
    lacp_cla_care_plan_json as plan_raw,
    coalesce(plan_codes, []) as plan_codes,
    len(coalesce(plan_codes, [])) > 0 as has_plan
from coded
