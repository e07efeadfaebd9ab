/*
grain: one row per period of care open at some time in the Annex A window
definition: |
  Annex A List 8 (children in care). Who is on it: every period of care (short breaks excluded) open at
  the as-at date or ended in the window: started on or before the as-at date and not ceased, or ceased on
  or after window_start. One row per period of care. A ceased date after the as-at date is not shown.
  Source: intermediate.int_cla_periods_of_care; looked after at the as-at date is its rule (started on or
  before, not ceased or ceased after), the rule of intermediate.int_cla_at_period_end, so the distinct
  children looked after at the as-at date equal marts.children_in_care cla_count at that date.
  - UASC within the last 12 months: a UASC immigration status in force at some time in the 12 months to
    the as-at date.
  - Category of need: of the latest episode of the period starting on or before the as-at date.
  - Second or subsequent period within the last 12 months: the child has an earlier period of care that
    ceased in the 12 months up to the as-at date.
  - Legal status: the latest legal status starting on or before the as-at date (or the ceased date).
  - Latest statutory review (int_cla_reviews_timed), last social work visit, last IRO contact, last health
    assessment and dental check (completed): the latest on or before the as-at date.
  - Permanence plan: the ssd_cla_care_plan record in force at the as-at date (or the day a period ceased in
    the window), by the rule of intermediate.int_cla_permanence_plan_at_period_end: started on or before that
    day and not before the period of care began, not ended by it (for a period that ceased, a plan closed the
    same day is the plan the child left care on), the latest-started if several. Ofsted's list
    takes one value, so a parallel plan shows adoption if adoption is one of its plans, otherwise the first in
    Ofsted's order (return to family, SGO/CAO, supported living, residential, long-term fostering, other).
    SSD code to Ofsted category: REMAINSUP/RETURN1M/RETURN6M/RETURNEV a) Return to family, ADOPTION b),
    LTRELFR (long term with relatives/friends) c) SGO/CAO, SUPPLIV d), RESPLMT e), LTFOST18 f), OTHERPLN g).
    With no plan recorded, an unreversed agency decision for adoption standing then still shows b) Adoption.
  - Placements in the last 12 months: DfE placements (same-carer runs, under-24-hour placements left out,
    int_cla_placements_sequenced) in force at some time in the 12 months to the as-at date.
  - Most recent placement: the latest placement of the period starting on or before the as-at date; its
    postcode is the postcode district (outward code) only, which is all the warehouse keeps.
  - LA of placement: the local authority the most recent placement's postcode district lies in. A district
    in setting cla_la_postcode_districts (the authority's own districts, which also decide "inside the
    authority") is the authority itself (reference.run_context la_code, named by reference.lait_area_codes);
    any other district is looked up in sql/seeds/postcode_district_local_authority.csv: outward code to the
    local authority with children's services responsibility (a county for a shire district) holding most of
    the district. 201 districts: the 113 of the generator's postcode pool (ONS Postcode Directory, November
    2025, OGL v3: src/main/resources/generate/postcode_pool.csv, laua per postcode, districts straddling a
    boundary (SE9, SW8, SW12, SW16) given to the borough holding most of them) and the other Inner and Outer
    London districts written by hand from the same geography. A district is an approximation near a
    boundary; an authority with the ONSPD to hand can replace the seed with DIR/reference/
    postcode_district_local_authority.csv. The SSD holds no LA of placement field. No postcode, or a district
    not in the lookup, leaves it blank and the Summary sheet names the rows.
  - Allocated team/worker: the allocation on the as-at date (marts.annex_a_children); for a period of care
    that ceased in the window with no allocation left at the as-at date, the allocation in force on the day
    care ceased (the latest-starting one).
  - Missing / absent episodes in the last 12 months (int_missing_episodes: missing / away), and the return
    interview offered / accepted after the last missing episode on or before the as-at date.
columns:
  period_of_care_id: Period of care (not an Annex A column).
  child_id: Annex A Child Unique ID.
  sex: Sex code.
  ethnicity_code: Ethnicity code.
  date_of_birth: Date of birth.
  age_years: Age in whole years on the as-at date.
  uasc_last_12_months: UASC status in force in the last 12 months.
  has_disability: Disability recorded (null = unknown).
  care_start_date: Date started to be looked after.
  category_of_need_code: Category of need N1-N9.
  subsequent_period_12_months: An earlier period of care ceased in the last 12 months.
  legal_status_start_date: Start date of current legal status.
  legal_status_code: SSDA903 legal status.
  last_review_date: Date of latest statutory review.
  last_visit_date: Date of last social work visit.
  permanence_plan: SSD permanence plan code (LACP003A) in force, or ADOPTION from an adoption decision; null when none.
  last_iro_contact_date: Date of last IRO visit or contact.
  last_health_assessment_date: Date of last health assessment.
  last_dental_check_date: Date of last dental check.
  placements_last_12_months: Placements in the last 12 months.
  care_end_date: Date ceased to be looked after, if on or before the as-at date.
  ceased_reason_code: SSDA903 reason ceased, if ceased by the as-at date.
  is_open_at_as_at: Looked after at the as-at date.
  placement_start_date: Start date of most recent placement.
  placement_type_code: SSDA903 placement type.
  placement_provider_code: Placement provider PR0-PR5.
  placement_postcode: Postcode district of the placement.
  placement_urn: Ofsted URN of the placement.
  placement_outside_la: Placed outside the authority's boundary; null when unknown.
  placement_la: Local authority of the placement (name as DfE lists it), from the placement's postcode district; blank when the postcode is missing or its district is not in the lookup.
  missing_last_12_months: Missing episodes in the last 12 months.
  absent_last_12_months: Away-from-placement episodes in the last 12 months.
  rhi_offered: Return interview offered after the last missing episode.
  rhi_accepted: Return interview accepted after the last missing episode.
  allocated_team: Allocated team (at the as-at date, else when care ceased).
  allocated_worker: Allocated worker id (at the as-at date, else when care ceased).
tests:
  unique: [period_of_care_id]
  not_null: [child_id, care_start_date, is_open_at_as_at, placements_last_12_months, missing_last_12_months, absent_last_12_months]
*/
with window_ as (
    select * from marts.annex_a_window
),

all_care as (
    select * from intermediate.int_cla_periods_of_care
),

care as (
    select all_care.*, window_.as_at_date, window_.window_start, window_.last_12_months_start,
        all_care.end_date is null or all_care.end_date > window_.as_at_date as is_open_at_as_at,
        least(coalesce(all_care.end_date, window_.as_at_date), window_.as_at_date) as seen_at
    from all_care
    cross join window_
    where all_care.start_date <= window_.as_at_date
      and (all_care.end_date is null or all_care.end_date >= window_.window_start)
),

uasc as (
    select distinct status.person_id
    from staging.stg_case__immigration_status as status
    cross join window_
    where status.is_uasc
      and status.start_date <= window_.as_at_date
      and (status.end_date is null or status.end_date >= window_.last_12_months_start)
),

episode_facts as (
    select
        care.period_of_care_id,
        arg_max(episodes.primary_need_code, episodes.start_date) as category_of_need_code,
        max(episodes.last_iro_contact_date) filter (where episodes.last_iro_contact_date <= care.as_at_date)
            as last_iro_contact_date
    from care
    inner join staging.stg_case__cla_episodes as episodes
        on episodes.person_id = care.person_id
        and episodes.start_date >= care.start_date
        and episodes.start_date <= care.seen_at
    group by care.period_of_care_id
),

earlier_period as (
    select distinct care.period_of_care_id
    from care
    inner join all_care as earlier
        on earlier.person_id = care.person_id
        and earlier.period_number < care.period_number
        and earlier.end_date between care.last_12_months_start and care.as_at_date
),

legal as (
    select
        care.period_of_care_id,
        arg_max(legal.legal_status_code, legal.start_date) as legal_status_code,
        max(legal.start_date) as legal_status_start_date
    from care
    inner join staging.stg_case__legal_status as legal
        on legal.person_id = care.person_id
        and legal.start_date <= care.seen_at
    group by care.period_of_care_id
),

reviews as (
    select reviews.period_of_care_id, max(reviews.review_date) as last_review_date
    from intermediate.int_cla_reviews_timed as reviews
    cross join window_
    where reviews.review_date <= window_.as_at_date
    group by reviews.period_of_care_id
),

visits as (
    select care.period_of_care_id, max(visits.visit_date) as last_visit_date
    from care
    inner join staging.stg_case__cla_visits as visits
        on visits.person_id = care.person_id
        and visits.visit_date between care.start_date and care.seen_at
    group by care.period_of_care_id
),

health as (
    select
        checks.person_id,
        max(checks.check_date) filter (where checks.check_kind = 'health_assessment') as last_health_assessment_date,
        max(checks.check_date) filter (where checks.check_kind = 'dental') as last_dental_check_date
    from staging.stg_case__cla_health as checks
    cross join window_
    where checks.is_completed and checks.check_date <= window_.as_at_date
    group by checks.person_id
),

adoption_decision as (
    select distinct care.period_of_care_id
    from care
    inner join staging.stg_case__permanence as decisions
        on decisions.person_id = care.person_id
        and decisions.adm_decision_date between care.start_date and care.as_at_date
        and (decisions.decision_reversed_date is null or decisions.decision_reversed_date > care.as_at_date)
),

care_plan as (
    -- One SSD code per period of care: adoption first, then Ofsted's category order.
    select
        care.period_of_care_id,
        arg_max(plans.plan_codes, (plans.start_date, plans.care_plan_id)) as plan_codes
    from care
    inner join staging.stg_case__cla_care_plan as plans
        on plans.person_id = care.person_id
        and plans.has_plan
        and plans.start_date <= care.seen_at
        and plans.start_date >= care.start_date
        -- A plan closed on the day the child left care is the plan they left on.
        and (plans.end_date is null or plans.end_date > care.seen_at
            or (not care.is_open_at_as_at and plans.end_date = care.seen_at))
    group by care.period_of_care_id
),

care_plan_chosen as (
    select
        period_of_care_id,
        case
            when list_contains(plan_codes, 'ADOPTION') then 'ADOPTION'
            else substr(list_sort(list_transform(plan_codes, code -> lpad(cast(list_position(
                ['REMAINSUP', 'RETURN1M', 'RETURN6M', 'RETURNEV', 'LTRELFR', 'SUPPLIV', 'RESPLMT', 'LTFOST18', 'OTHERPLN'],
                code) as varchar), 2, '0') || code), 'ASC', 'NULLS LAST')[1], 3)
        end as plan_code
    from care_plan
),

placements as (
    select * from intermediate.int_cla_placements_sequenced
),

placement_count as (
    select placements.person_id,
        count(distinct placements.period_of_care_id || '/' || placements.placement_run) as placements_last_12_months
    from placements
    cross join window_
    where not placements.is_under_24_hours
      and placements.start_date <= window_.as_at_date
      and (placements.end_date is null or placements.end_date > window_.last_12_months_start)
    group by placements.person_id
),

latest_placement as (
    select care.period_of_care_id, arg_max(placements.placement_id, placements.start_date) as placement_id
    from care
    inner join placements
        on placements.period_of_care_id = care.period_of_care_id
        and placements.start_date <= care.as_at_date
    group by care.period_of_care_id
),

missing as (
    select
        episodes.person_id,
        count(*) filter (where episodes.episode_kind = 'missing' and episodes.start_date >= window_.last_12_months_start)
            as missing_last_12_months,
        count(*) filter (where episodes.episode_kind = 'away' and episodes.start_date >= window_.last_12_months_start)
            as absent_last_12_months,
        arg_max(episodes.rhi_offered, episodes.started_at) filter (where episodes.episode_kind = 'missing') as rhi_offered,
        arg_max(episodes.rhi_accepted, episodes.started_at) filter (where episodes.episode_kind = 'missing') as rhi_accepted
    from intermediate.int_missing_episodes as episodes
    cross join window_
    where episodes.start_date <= window_.as_at_date
    group by episodes.person_id
),

allocation_at_end as (
    select
        care.period_of_care_id,
        arg_max(involvements.team_id, involvements.start_date) as team_id,
        arg_max(involvements.worker_id, involvements.start_date) as worker_id
    from care
    inner join staging.stg_case__involvements as involvements
        on involvements.person_id = care.person_id
        and involvements.start_date <= care.end_date
        and (involvements.end_date is null or involvements.end_date >= care.end_date)
    where not care.is_open_at_as_at
    group by care.period_of_care_id
),

teams as (
    select team_id, any_value(team_name) as team_name from staging.stg_case__department group by team_id
),

children as (
    select * from marts.annex_a_children
),

own_la as (
    select areas.area_name
    from reference.run_context as ctx
    inner join reference.lait_area_codes as areas on areas.area_code = ctx.la_code
),

district_la as (
    select upper(trim(outward_code)) as outward_code, any_value(area_name) as area_name
    from reference.postcode_district_local_authority
    group by 1
)

select
    care.period_of_care_id,
    care.person_id as child_id,
    children.sex,
    children.ethnicity_code,
    children.date_of_birth,
    children.age_years,
    uasc.person_id is not null as uasc_last_12_months,
    children.has_disability,
    care.start_date as care_start_date,
    episode_facts.category_of_need_code,
    earlier_period.period_of_care_id is not null as subsequent_period_12_months,
    legal.legal_status_start_date,
    legal.legal_status_code,
    reviews.last_review_date,
    visits.last_visit_date,
    coalesce(care_plan_chosen.plan_code,
        case when adoption_decision.period_of_care_id is not null then 'ADOPTION' end) as permanence_plan,
    episode_facts.last_iro_contact_date,
    health.last_health_assessment_date,
    health.last_dental_check_date,
    coalesce(placement_count.placements_last_12_months, 0) as placements_last_12_months,
    case when not care.is_open_at_as_at then care.end_date end as care_end_date,
    case when not care.is_open_at_as_at then care.ceased_reason_code end as ceased_reason_code,
    care.is_open_at_as_at,
    placements.start_date as placement_start_date,
    placements.placement_type_code,
    source_placements.provider_code as placement_provider_code,
    placements.placement_district as placement_postcode,
    source_placements.urn as placement_urn,
    placements.is_outside_la as placement_outside_la,
    case
        when placements.placement_district is null then null
        when list_contains(string_split(reference.setting('cla_la_postcode_districts'), ','), placements.placement_district)
            then (select area_name from own_la)
        else district_la.area_name
    end as placement_la,
    coalesce(missing.missing_last_12_months, 0) as missing_last_12_months,
    coalesce(missing.absent_last_12_months, 0) as absent_last_12_months,
    missing.rhi_offered,
    missing.rhi_accepted,
    coalesce(children.allocated_team, teams.team_name, allocation_at_end.team_id) as allocated_team,
    coalesce(children.allocated_worker, allocation_at_end.worker_id) as allocated_worker
from care
left join children on children.child_id = care.person_id
left join uasc on uasc.person_id = care.person_id
left join episode_facts on episode_facts.period_of_care_id = care.period_of_care_id
left join earlier_period on earlier_period.period_of_care_id = care.period_of_care_id
left join legal on legal.period_of_care_id = care.period_of_care_id
left join reviews on reviews.period_of_care_id = care.period_of_care_id
left join visits on visits.period_of_care_id = care.period_of_care_id
left join health on health.person_id = care.person_id
left join adoption_decision on adoption_decision.period_of_care_id = care.period_of_care_id
left join care_plan_chosen on care_plan_chosen.period_of_care_id = care.period_of_care_id
left join placement_count on placement_count.person_id = care.person_id
left join latest_placement on latest_placement.period_of_care_id = care.period_of_care_id
left join placements on placements.placement_id = latest_placement.placement_id
left join staging.stg_case__cla_placement as source_placements on source_placements.placement_id = latest_placement.placement_id
left join missing on missing.person_id = care.person_id
left join allocation_at_end on allocation_at_end.period_of_care_id = care.period_of_care_id
left join teams on teams.team_id = allocation_at_end.team_id
left join district_la on district_la.outward_code = placements.placement_district
order by care.start_date, care.period_of_care_id
