/*
grain: one row per assessment and factor code recorded at the end of it
definition: |
  Assessment factor codes (DfE CIN census factors identified at the end of assessment, 1A-24A) split out of
  ssd_assessment_factors, whatever form the case system sends:
  - a JSON array, the SSD's current form: ["1A", "3B"];
  - a JSON object, the SSD's planned form: {"1A": "Yes", "3B": "No"}, keeping codes whose value is yes/true/1;
  - a delimited list (1A,3B or 1A;3B or 1A|3B, brackets and quotes ignored) or a single code per row.
  Codes are trimmed and upper-cased; a code recorded twice for one assessment (in one record or across
  several records) is one row. Domestic abuse is recorded against the child (3A), a parent/carer (3B) or
  another household member (3C); is_domestic_abuse marks all three.
columns:
  assessment_id: The assessment.
  factor_code: CIN census factor code (1A, 3B, 16A, 21...).
  factor_group: The factor's number without its letter (3 for 3A/3B/3C) - the family DfE reports together.
  is_domestic_abuse: True for 3A, 3B and 3C.
tests:
  unique: [assessment_id, factor_code]
  not_null: [assessment_id, factor_code, is_domestic_abuse]
*/
with records as (
    select
        assessment_id,
        trim(factors_raw) as raw,
        -- json functions see valid JSON only: DuckDB may evaluate every CASE branch on every row
        case when json_valid(trim(factors_raw)) then trim(factors_raw) end as raw_json
    from staging.stg_case__assessment_factors
    where nullif(trim(factors_raw), '') is not null
),

listed as (
    select
        assessment_id,
        case
            when json_type(raw_json) = 'ARRAY'
                then json_extract_string(raw_json, '$[*]')
            when json_type(raw_json) = 'OBJECT'
                then list_filter(json_keys(raw_json), lambda k:
                    upper(trim(json_extract_string(raw_json, '$."' || k || '"'))) in ('Y', 'YES', 'TRUE', 'T', '1'))
            else regexp_split_to_array(regexp_replace(raw, '[\[\]{}"'' ]', '', 'g'), '[,;|]')
        end as codes
    from records
),

unnested as (
    select distinct
        assessment_id,
        upper(trim(code)) as factor_code
    from listed, unnest(codes) as u(code)
    where nullif(trim(code), '') is not null
)

select
    assessment_id,
    factor_code,
    regexp_extract(factor_code, '^[0-9]+') as factor_group,
    factor_code in ('3A', '3B', '3C') as is_domestic_abuse
from unnested
