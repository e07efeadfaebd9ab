/*
grain: one row for the whole build
definition: |
  The facts every indicator is computed relative to. as_at_date is the extract date of the newest
  case-management snapshot in the lake (the day the data describes); periods after it are not reported
  and the period containing it is marked incomplete. la_code is the authority the population file names.
columns:
  as_at_date: Extract date of the newest case-management snapshot the build read.
  la_code: ONS code of the authority (from reference.population_0_17).
  built_at: When this warehouse was built.
  synthetic: True when generate or demo made the data folder (DIR/reference/data_origin.csv), so that every
    output says on every page, sheet, chart and file that the authority is synthetic.
  origin_note: What made the data (the generator's settings), or that it is the authority's own.
tests:
  not_null: [as_at_date, la_code, synthetic]
*/
select
    (select max(extract_date) from ops.extract_snapshot where source = 'case') as as_at_date,
    (select min(area_code) from reference.population_0_17) as la_code,
    current_timestamp as built_at,
    coalesce((select bool_or(cast(synthetic as boolean)) from reference.data_origin), false) as synthetic,
    (select string_agg(cast(note as varchar), ' ') from reference.data_origin) as origin_note
