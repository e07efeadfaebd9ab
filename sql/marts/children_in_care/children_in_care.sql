/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Children looked after (DfE SSDA903 definitions; ../shared/reference/kpi_definitions.md 1.2). Every
  measure excludes children looked after under an agreed series of short-term breaks (legal status V3/V4,
  setting cla_short_break_legal_statuses). Stocks are taken at the snapshot date: 31 March for a financial
  year (month-end for a month; the as-at date for the period in progress); the monthly series applies the
  31 March rule at each month-end, a local convention. Child-level lists: intermediate.int_cla_at_period_end
  (stocks), intermediate.int_cla_in_period (starts, ceases), intermediate.int_cla_reviews_timed (reviews).
  - CLA and rate: children looked after at the snapshot date / ONS population aged 0-17 x 10,000, 1 dp.
  - Started / ceased: children starting (first occasion) / ceasing (last occasion) in the period.
  - UASC: UASC looked after at the snapshot date, count and % of CLA; UASC starters as % of all starters.
  - Placed outside the authority's boundary (%), and outside the boundary and more than 20 miles from home
    (%; LAIT LACDistance), of all CLA at the snapshot date (distance unknown stays in the denominator and is
    counted in distance_unknown).
  - 3+ placements (%): CLA at 31 March with 3 or more placements during the year (same-carer foster-to-adopt
    moves are not moves); for a month, placements in the month.
  - Two-year stability (%; DfE stability measures): CLA looked after 2+ years with 3 or more placements in the
    previous 2 years / CLA looked after 2+ years.
  - Long-term stability (%): under 16, looked after continuously 2.5+ years, same placement 2+ years or placed
    for adoption (adoptive + previous placement 2+ years) / under 16 looked after 2.5+ years.
  - Health: annual health assessment (two for under-5s) / dental check up to date, % of children looked after
    12+ months (OC2 cohort: started on or before 1 April of the year before a 31 March snapshot).
  - Reviews held in the period within the Care Planning Regulations timescales (%), local measure; child's
    participation (PN1-PN6) as % of reviews of children aged 4+ with a PN1-PN7 code.
  - Reviews up to date (%), local measure (NI 66 style): CLA at the snapshot date whose first review has
    fallen due, with no review overdue at the snapshot date and every review held in the period in time /
    those children (intermediate.int_cla_reviews_at_period_end). Unlike reviews held, it counts reviews
    never held.
  Percentages are kept to 1 dp here (DfE publishes CLA percentages as whole numbers, so compare after
  rounding); null where the denominator is 0.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  snapshot_date: Date the stocks are taken.
  population_0_17: ONS population aged 0-17 used for the rate.
  cla_count: Children looked after at the snapshot date.
  cla_rate_per_10k: cla_count per 10,000 children aged 0-17, 1 dp.
  cla_started: Children who started to be looked after in the period.
  cla_ceased: Children who ceased to be looked after in the period.
  uasc_count: UASC looked after at the snapshot date.
  uasc_pct: uasc_count as a % of cla_count.
  uasc_started: UASC among the children who started in the period.
  uasc_started_pct: uasc_started as a % of cla_started.
  placed_outside_la: CLA placed outside the authority's boundary at the snapshot date.
  placed_outside_la_pct: placed_outside_la as a % of cla_count.
  placed_over20_outside_la: CLA placed outside the boundary and more than 20 miles from home.
  placed_over20_outside_la_pct: placed_over20_outside_la as a % of cla_count.
  distance_unknown: CLA whose placement distance or location cannot be worked out (in the denominator, never in the numerator).
  with_3plus_placements: CLA at the snapshot date with 3 or more placements in the period.
  with_3plus_placements_pct: with_3plus_placements as a % of cla_count.
  in_care_2_years: CLA at the snapshot date looked after for 2 years or more.
  with_3plus_placements_in_2_years: Of those, with 3 or more placements in the previous 2 years.
  with_3plus_placements_in_2_years_pct: with_3plus_placements_in_2_years as a % of in_care_2_years.
  long_term_cohort: Children under 16 looked after continuously 2.5 years or more at the snapshot date.
  long_term_stable: Of those, in the same placement 2+ years or placed for adoption.
  long_term_stability_pct: long_term_stable as a % of long_term_cohort.
  looked_after_12_months: CLA at the snapshot date looked after continuously 12 months or more.
  health_assessment_up_to_date: Of those, with a health assessment in the last 12 months (two for a child under 5).
  health_assessment_pct: health_assessment_up_to_date as a % of looked_after_12_months.
  dental_check_up_to_date: Of those, with a dental check in the last 12 months.
  dental_check_pct: dental_check_up_to_date as a % of looked_after_12_months.
  reviews_held: CLA reviews held in the period.
  reviews_in_time: Reviews held in the period within the regulation timescale.
  reviews_in_time_pct: reviews_in_time as a % of reviews_held.
  reviews_participation_recorded: Reviews held in the period with a participation code PN1-PN7 (child aged 4+).
  reviews_child_participated: Of those, where the child participated (PN1-PN6).
  reviews_participation_pct: reviews_child_participated as a % of reviews_participation_recorded.
  review_cohort: CLA at the snapshot date whose first review had fallen due by then.
  reviews_overdue: Of those, with a review overdue at the snapshot date.
  reviews_up_to_date: Of those, not overdue and with every review in the period held in time.
  reviews_up_to_date_pct: reviews_up_to_date as a % of review_cohort.
tests:
  unique: [period_type, period_label]
  not_null: [cla_count, cla_started, cla_ceased, population_0_17, snapshot_date]
*/
with periods as (
    select
        reporting_periods.*
    from reference.reporting_periods
),

stock as (
    select
        periods.period_type,
        periods.period_label,
        count(cla.person_id) as cla_count,
        count(cla.person_id) filter (where cla.is_uasc) as uasc_count,
        count(cla.person_id) filter (where cla.is_outside_la) as placed_outside_la,
        count(cla.person_id) filter (where cla.is_over_20_miles_outside_la) as placed_over20_outside_la,
        count(cla.person_id) filter (where cla.is_distance_unknown) as distance_unknown,
        count(cla.person_id) filter (where cla.has_3plus_placements) as with_3plus_placements,
        count(cla.person_id) filter (where cla.is_in_care_2_years) as in_care_2_years,
        count(cla.person_id) filter (where cla.has_3plus_placements_in_2_years) as with_3plus_placements_in_2_years,
        count(cla.person_id) filter (where cla.is_long_term_cohort) as long_term_cohort,
        count(cla.person_id) filter (where cla.is_long_term_stable) as long_term_stable,
        count(cla.person_id) filter (where cla.is_looked_after_12_months) as looked_after_12_months,
        count(cla.person_id) filter (where cla.health_assessment_up_to_date) as health_assessment_up_to_date,
        count(cla.person_id) filter (where cla.dental_check_up_to_date) as dental_check_up_to_date
    from periods
    left join intermediate.int_cla_at_period_end as cla using (period_type, period_label)
    group by all
),

flows as (
    select
        periods.period_type,
        periods.period_label,
        count(f.person_id) filter (where f.started_in_period) as cla_started,
        count(f.person_id) filter (where f.started_in_period and f.is_uasc_starter) as uasc_started,
        count(f.person_id) filter (where f.ceased_in_period) as cla_ceased
    from periods
    left join intermediate.int_cla_in_period as f using (period_type, period_label)
    group by all
),

reviews as (
    select
        periods.period_type,
        periods.period_label,
        count(r.review_id) as reviews_held,
        count(r.review_id) filter (where r.is_in_time) as reviews_in_time,
        count(r.review_id) filter (where r.child_participated is not null) as reviews_participation_recorded,
        count(r.review_id) filter (where r.child_participated) as reviews_child_participated
    from periods
    left join intermediate.int_cla_reviews_timed as r
        on r.review_date between periods.period_start and periods.snapshot_date
    group by all
),

review_status as (
    select
        periods.period_type,
        periods.period_label,
        count(rs.person_id) filter (where rs.review_cohort) as review_cohort,
        count(rs.person_id) filter (where rs.review_cohort and rs.is_review_overdue) as reviews_overdue,
        count(rs.person_id) filter (where rs.reviews_up_to_date) as reviews_up_to_date
    from periods
    left join intermediate.int_cla_reviews_at_period_end as rs using (period_type, period_label)
    group by all
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    periods.snapshot_date,
    periods.population_0_17,
    s.cla_count,
    reference.rate_per_10k(s.cla_count, periods.population_0_17) as cla_rate_per_10k,
    f.cla_started,
    f.cla_ceased,
    s.uasc_count,
    reference.pct(s.uasc_count, s.cla_count) as uasc_pct,
    f.uasc_started,
    reference.pct(f.uasc_started, f.cla_started) as uasc_started_pct,
    s.placed_outside_la,
    reference.pct(s.placed_outside_la, s.cla_count) as placed_outside_la_pct,
    s.placed_over20_outside_la,
    reference.pct(s.placed_over20_outside_la, s.cla_count) as placed_over20_outside_la_pct,
    s.distance_unknown,
    s.with_3plus_placements,
    reference.pct(s.with_3plus_placements, s.cla_count) as with_3plus_placements_pct,
    s.in_care_2_years,
    s.with_3plus_placements_in_2_years,
    reference.pct(s.with_3plus_placements_in_2_years, s.in_care_2_years) as with_3plus_placements_in_2_years_pct,
    s.long_term_cohort,
    s.long_term_stable,
    reference.pct(s.long_term_stable, s.long_term_cohort) as long_term_stability_pct,
    s.looked_after_12_months,
    s.health_assessment_up_to_date,
    reference.pct(s.health_assessment_up_to_date, s.looked_after_12_months) as health_assessment_pct,
    s.dental_check_up_to_date,
    reference.pct(s.dental_check_up_to_date, s.looked_after_12_months) as dental_check_pct,
    r.reviews_held,
    r.reviews_in_time,
    reference.pct(r.reviews_in_time, r.reviews_held) as reviews_in_time_pct,
    r.reviews_participation_recorded,
    r.reviews_child_participated,
    reference.pct(r.reviews_child_participated, r.reviews_participation_recorded) as reviews_participation_pct,
    rs.review_cohort,
    rs.reviews_overdue,
    rs.reviews_up_to_date,
    reference.pct(rs.reviews_up_to_date, rs.review_cohort) as reviews_up_to_date_pct
from periods
inner join stock as s using (period_type, period_label)
inner join flows as f using (period_type, period_label)
inner join reviews as r using (period_type, period_label)
inner join review_status as rs using (period_type, period_label)
order by periods.period_type, periods.period_start
