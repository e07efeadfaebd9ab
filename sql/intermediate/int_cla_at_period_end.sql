/*
grain: one row per reporting period and child looked after at the period's snapshot date
definition: |
  The child-level list behind every stock measure of children looked after: each child looked after
  (short breaks excluded) at the snapshot date of each reporting period, i.e. the period's last day, or
  the as-at date for the period in progress (31 March for a complete financial year, month-end for a
  month). Looked after on D: a period of care started on or before D that has not ceased or ceased after
  D (int_cla_periods_of_care).
  - UASC: a UASC immigration status in force on D (setting uasc_counts_after_status_ends = 0), or a
    period of care that began with one (setting = 1, the default: DfE's SSDA903 convention, see the setting).
  - Placement on D: the placement in the period of care in force on D (started on or before D, not
    ended or ended after D); its distance and location come from int_cla_placements_sequenced.
  - Placements in the period (short-term stability, DfE): the child's placement runs (same-carer moves
    merged, under-24-hour placements left out) in any period of care that were in force at some time
    from the period start to D: those open on 1 April and on 31 March both count; a placement ending on
    1 April itself does not count for the year starting that day. 3+ placements is meaningful for a
    financial year; for a month it is the placements in that month.
  - Two-year stability (DfE stability measures, EES data set 68c7a1f2): looked after for at least 2 years on D
    (setting cla_stability_two_year_months; the current period of care started on or before D less 24 months,
    unverified whether DfE requires the 2 years to be continuous), with 3 or more placements (runs, as for the
    year) in force at some time in the 2 years to D (from D less 24 months plus one day).
  - Long-term stability (DfE, LAIT LAC_LongStable%): under 16 on D (setting cla_long_term_stability_age_under),
    looked after continuously for at least 30 months (setting cla_long_term_stability_care_months: start
    on or before D minus 30 months, so 2.5 years exactly counts), and the current placement run started
    at least 24 months before D (setting cla_long_term_stability_placement_months); a child placed for
    adoption not with their foster carers (A4/A6) is measured from the start of the previous placement
    (adoptive and previous placement together). A foster-to-adopt placement with the same carers (A3/A5)
    is already one run with the foster placement.
  - Health (DfE OC2 basis): looked after continuously for 12 months or more on D (setting
    cla_health_care_months): the period of care started on or before D less 12 months plus one day, so a
    child who started on 1 April is in the cohort at the next 31 March, as DfE counts it (LAIT: "where the
    period of care start date is 1 April"). Health assessment up to date = a completed one dated in the 12
    months up to and including D (setting cla_health_check_window_months); a child under 5 on D needs two
    (setting cla_health_assessments_under_5: DfE requires six-monthly assessments under 5, both needed for
    the annual requirement; refused ones do not count). Dental check up to date = one completed in the 12 months.
  - Adoption decision: an agency decision that the child should be placed for adoption on or before D,
    not reversed by D (ssd_permanence). Not the permanence plan: that is intermediate.int_cla_permanence_plan_at_period_end (ssd_cla_care_plan).
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  snapshot_date: The date the stock is taken (period end, or the as-at date for the period in progress).
  person_id: The child.
  period_of_care_id: The period of care the child is in on snapshot_date.
  care_start_date: Date the current period of care started.
  age_on_snapshot: Age in whole years on snapshot_date.
  is_uasc: True when the child counts as an unaccompanied asylum-seeking child on snapshot_date.
  placement_id: Placement in force on snapshot_date; null if none recorded.
  placement_type_code: Its SSDA903 placement type.
  distance_miles: Distance from home to that placement in miles; null when unknown.
  distance_source: extract, postcode_district or unknown.
  is_outside_la: True when placed outside the authority's boundary; null when unknown.
  is_over_20_miles_outside_la: True when placed outside the boundary and over 20 miles from home.
  is_distance_unknown: True when the distance cannot be worked out (or the placement location is unknown).
  placements_in_period: DfE placements (runs) in force at some time from the period start to snapshot_date.
  has_3plus_placements: True when placements_in_period >= 3.
  is_in_care_2_years: Looked after for 2 years or more on snapshot_date (current period of care).
  placements_in_2_years: DfE placements (runs) in force at some time in the 2 years up to snapshot_date.
  has_3plus_placements_in_2_years: In care 2 years or more and placements_in_2_years >= 3.
  is_long_term_cohort: Under 16 and looked after continuously for 2.5 years or more on snapshot_date.
  is_long_term_stable: In the long-term cohort and in the same placement (or adoptive + previous) for 2 years or more.
  is_looked_after_12_months: Looked after continuously for 12 months or more on snapshot_date (started on or before snapshot_date less 12 months plus one day).
  health_assessments_in_12_months: Completed health assessments in the 12 months up to snapshot_date.
  health_assessment_up_to_date: Looked after 12+ months and a completed health assessment in the 12 months to snapshot_date (two for a child under 5).
  dental_check_up_to_date: Looked after 12+ months and a completed dental check in the 12 months to snapshot_date.
  has_adoption_decision: An unreversed decision that the child should be placed for adoption, on or before snapshot_date.
  is_placed_for_adoption: The placement on snapshot_date is an adoption placement (A3-A6).
tests:
  unique: [period_type, period_label, person_id]
  not_null: [snapshot_date, person_id, period_of_care_id, placements_in_period, placements_in_2_years, is_in_care_2_years, is_uasc]
*/
with periods as (
    select
        reporting_periods.*
    from reference.reporting_periods
),

care as (
    select * from intermediate.int_cla_periods_of_care
),

placements as (
    select * from intermediate.int_cla_placements_sequenced
),

uasc as (
    select * from staging.stg_case__immigration_status where is_uasc
),

health as (
    select * from staging.stg_case__cla_health where is_completed
),

adoption_decisions as (
    select * from staging.stg_case__permanence where adm_decision_date is not null
),

looked_after as (
    select
        periods.period_type,
        periods.period_label,
        periods.period_start,
        periods.snapshot_date,
        care.person_id,
        care.period_of_care_id,
        care.start_date as care_start_date,
        care.date_of_birth,
        care.is_uasc_at_start
    from periods
    inner join care
        on reference.in_force(care.start_date, care.end_date, periods.snapshot_date)
),

current_placement as (
    select
        looked_after.period_type,
        looked_after.period_label,
        looked_after.person_id,
        arg_max(placements.placement_id, placements.start_date) as placement_id
    from looked_after
    inner join placements
        on placements.period_of_care_id = looked_after.period_of_care_id
        and reference.in_force(placements.start_date, placements.end_date, looked_after.snapshot_date)
    group by all
),

-- One pass over each child's placements counts both windows: the period so far, and the two years to the snapshot.
-- A run is counted once however many of its placements match: first one row per child, date and run (a plain
-- hash aggregate), then a count per child and date, instead of count(distinct) over a concatenated key, whose
-- per-group distinct tables were most of this model's time at national scale.
placement_runs as (
    select
        looked_after.period_type,
        looked_after.period_label,
        looked_after.person_id,
        placements.period_of_care_id,
        placements.placement_run,
        bool_or(coalesce(placements.end_date, date 'infinity') > looked_after.period_start) as is_in_period,
        bool_or(coalesce(placements.end_date, date 'infinity') > looked_after.two_years_start) as is_in_2_years
    from (
        select *, cast(snapshot_date - to_months(reference.setting_int('cla_stability_two_year_months')) as date) + 1
            as two_years_start
        from looked_after
    ) as looked_after
    inner join placements
        on placements.person_id = looked_after.person_id
        and not placements.is_under_24_hours
        and placements.start_date <= looked_after.snapshot_date
        and coalesce(placements.end_date, date 'infinity')
            > least(looked_after.period_start, looked_after.two_years_start)
    group by all
),

placement_counts as (
    select
        period_type,
        period_label,
        person_id,
        count(*) filter (where is_in_period and period_of_care_id is not null and placement_run is not null)
            as placements_in_period,
        count(*) filter (where is_in_2_years and period_of_care_id is not null and placement_run is not null)
            as placements_in_2_years
    from placement_runs
    group by all
),

enriched as (
    select
        looked_after.*,
        reference.age_on(looked_after.date_of_birth, looked_after.snapshot_date)
            as age_on_snapshot,
        case
            when reference.setting_int('uasc_counts_after_status_ends') = 1 then looked_after.is_uasc_at_start
            else exists (
                select 1 from uasc
                where uasc.person_id = looked_after.person_id
                  and reference.in_force(uasc.start_date, uasc.end_date, looked_after.snapshot_date))
        end as is_uasc,
        current_placement.placement_id,
        placements.placement_type_code,
        placements.distance_miles,
        placements.distance_source,
        placements.is_outside_la,
        placements.is_over_distance_threshold,
        placements.is_adoption_placement,
        case when placements.placement_type_code in ('A4', 'A6') then coalesce(placements.previous_run_start_date, placements.run_start_date)
             else placements.run_start_date end as stable_since,
        coalesce(placement_counts.placements_in_period, 0) as placements_in_period,
        coalesce(placement_counts.placements_in_2_years, 0) as placements_in_2_years,
        looked_after.care_start_date <= cast(looked_after.snapshot_date - to_months(reference.setting_int('cla_stability_two_year_months')) as date)
            as is_in_care_2_years,
        looked_after.care_start_date <= cast(looked_after.snapshot_date - to_months(reference.setting_int('cla_health_care_months')) as date) + 1
            as is_looked_after_12_months,
        (
            select count(*) from health
            where health.person_id = looked_after.person_id and health.check_kind = 'health_assessment'
              and health.check_date <= looked_after.snapshot_date
              and health.check_date > cast(looked_after.snapshot_date - to_months(reference.setting_int('cla_health_check_window_months')) as date)
        ) as health_assessments_in_12_months,
        exists (
            select 1 from health
            where health.person_id = looked_after.person_id and health.check_kind = 'dental'
              and health.check_date <= looked_after.snapshot_date
              and health.check_date > cast(looked_after.snapshot_date - to_months(reference.setting_int('cla_health_check_window_months')) as date)
        ) as has_recent_dental_check,
        exists (
            select 1 from adoption_decisions as d
            where d.person_id = looked_after.person_id
              and d.adm_decision_date <= looked_after.snapshot_date
              and d.adm_decision_date >= looked_after.care_start_date
              and (d.decision_reversed_date is null or d.decision_reversed_date > looked_after.snapshot_date)
        ) as has_adoption_decision
    from looked_after
    left join current_placement using (period_type, period_label, person_id)
    left join placements on placements.placement_id = current_placement.placement_id
    left join placement_counts using (period_type, period_label, person_id)
),

flagged as (
    select
        *,
        age_on_snapshot < reference.setting_int('cla_long_term_stability_age_under')
            and care_start_date <= cast(snapshot_date - to_months(reference.setting_int('cla_long_term_stability_care_months')) as date)
            as is_long_term_cohort
    from enriched
)

select
    period_type,
    period_label,
    snapshot_date,
    person_id,
    period_of_care_id,
    care_start_date,
    age_on_snapshot,
    is_uasc,
    placement_id,
    placement_type_code,
    distance_miles,
    coalesce(distance_source, 'unknown') as distance_source,
    is_outside_la,
    coalesce(is_outside_la and is_over_distance_threshold, false) as is_over_20_miles_outside_la,
    distance_miles is null or is_outside_la is null as is_distance_unknown,
    placements_in_period,
    placements_in_period >= 3 as has_3plus_placements,
    is_in_care_2_years,
    placements_in_2_years,
    is_in_care_2_years and placements_in_2_years >= 3 as has_3plus_placements_in_2_years,
    coalesce(is_long_term_cohort, false) as is_long_term_cohort,
    coalesce(is_long_term_cohort
        and stable_since <= cast(snapshot_date - to_months(reference.setting_int('cla_long_term_stability_placement_months')) as date),
        false) as is_long_term_stable,
    is_looked_after_12_months,
    health_assessments_in_12_months,
    is_looked_after_12_months
        and health_assessments_in_12_months >= case when age_on_snapshot < 5 then reference.setting_int('cla_health_assessments_under_5') else 1 end
        as health_assessment_up_to_date,
    is_looked_after_12_months and has_recent_dental_check as dental_check_up_to_date,
    has_adoption_decision,
    coalesce(is_adoption_placement, false) as is_placed_for_adoption
from flagged
