/*
grain: one row per child in the CIN census, with the child's modules nested in DfE's element order
materialized: view
definition: |
  What `return cin` writes, one Child element per row: the rows of marts.cin_census_children,
  cin_census_assessments, cin_census_cin_plans, cin_census_section47 and cin_census_cp_plans nested as the
  XSD nests them (CINdetails in referral-date order; assessments, plans and enquiries by start date). The
  writer streams these rows; it decides nothing about who is in the census.
  - Disabilities: the child's disability codes (staging.stg_case__disability), each once; NONE when the case
    system records none (DfE: Disability is required, NONE for a child with no disability).
columns:
  child_id: LAchildID.
  upn: UPN.
  former_upn: FormerUPN.
  upn_unknown: UPNunknown.
  person_birth_date: PersonBirthDate.
  expected_birth_date: ExpectedPersonBirthDate.
  sex_code: Sex as M, F or U.
  death_date: PersonDeathDate.
  ethnicity_code: Ethnicity.
  disabilities: Disability codes; ['NONE'] when none is recorded (never null).
  episodes: CINdetails modules, each with its assessments, cin_plans, section47 and cp_plans lists (never null or empty, as a child is here because of an episode).
tests:
  unique: [child_id]
  # disabilities and episodes are not tested for null: neither can be (a coalesce, a list over at least one row),
  # and testing them makes DuckDB build every nested list, which at national scale (XL, 12 M children) ran out of
  # 4 GB alone; the tests above read no list, so DuckDB drops the lists from their query.
  not_null: [child_id, sex_code, ethnicity_code]
*/
with episodes as (
    select * from marts.cin_census_children
),

assessments as (
    select
        referral_id,
        list(struct_pack(start_date, authorised_date, factor_codes) order by start_date, assessment_id)
            as assessments
    from marts.cin_census_assessments
    group by referral_id
),

cin_plans as (
    select referral_id, list(struct_pack(start_date, end_date) order by start_date, cin_plan_id) as cin_plans
    from marts.cin_census_cin_plans
    group by referral_id
),

section47 as (
    select
        referral_id,
        list(struct_pack(start_date, icpc_target_date, icpc_date, icpc_not_required)
             order by start_date, s47_enquiry_id) as section47
    from marts.cin_census_section47
    group by referral_id
),

cp_plans as (
    select
        referral_id,
        list(struct_pack(start_date, end_date, initial_category_code, latest_category_code, previous_plans,
                         review_dates)
             order by start_date, cp_plan_id) as cp_plans
    from marts.cin_census_cp_plans
    group by referral_id
),

disabilities as (
    select person_id, list(distinct disability_code order by disability_code) as disabilities
    from staging.stg_case__disability
    where nullif(disability_code, '') is not null
    group by person_id
)

select
    episodes.child_id,
    any_value(episodes.upn) as upn,
    any_value(episodes.former_upn) as former_upn,
    any_value(episodes.upn_unknown) as upn_unknown,
    any_value(episodes.person_birth_date) as person_birth_date,
    any_value(episodes.expected_birth_date) as expected_birth_date,
    any_value(episodes.sex_code) as sex_code,
    any_value(episodes.death_date) as death_date,
    any_value(episodes.ethnicity_code) as ethnicity_code,
    coalesce(any_value(disabilities.disabilities), ['NONE']) as disabilities,
    list(struct_pack(
        referral_date := episodes.referral_date,
        referral_source_code := episodes.referral_source_code,
        primary_need_code := episodes.primary_need_code,
        closure_date := episodes.closure_date,
        closure_reason_code := episodes.closure_reason_code,
        date_of_initial_cpc := episodes.date_of_initial_cpc,
        assessments := coalesce(assessments.assessments, []),
        cin_plans := coalesce(cin_plans.cin_plans, []),
        section47 := coalesce(section47.section47, []),
        referral_nfa := episodes.referral_nfa,
        cp_plans := coalesce(cp_plans.cp_plans, [])
    ) order by episodes.episode_order) as episodes
from episodes
left join assessments on assessments.referral_id = episodes.referral_id
left join cin_plans on cin_plans.referral_id = episodes.referral_id
left join section47 on section47.referral_id = episodes.referral_id
left join cp_plans on cp_plans.referral_id = episodes.referral_id
left join disabilities on disabilities.person_id = episodes.child_id
group by episodes.child_id
