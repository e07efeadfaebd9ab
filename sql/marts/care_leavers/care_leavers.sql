/*
grain: one row per reporting period (each month, and each financial year April-March) up to the as-at date
definition: |
  Care leavers (DfE SSDA903 leaving-care module; kpi_definitions.md 1.2). Child-level lists:
  intermediate.int_care_leavers_birthdays (birthday cohorts) and intermediate.int_care_leavers_at_period_end.
  - Aged 19-21 / 17-18: former relevant young people whose 19th, 20th or 21st (17th or 18th) birthday falls
    in the financial year. In touch, LA not in touch, in education/employment/training, in suitable
    accommodation: % of all of them, including those not in touch, refusing contact or no longer requiring
    services, and those with no record for the birthday; excluding those who died or returned home to
    parents for 6 months or more. DfE collects these for years only, so the birthday measures are null for
    months. (17-18 collected since about 2016, unverified.) Suitable accommodation is a % of a narrower
    denominator (DfE): it also leaves out those who have gone abroad, been deported or whose residence is not
    known (accommodation G, H, R; setting care_leaver_accommodation_unknown_suitability_codes).
  - Staying put (19-20): of 19- and 20-year-olds who left care from foster care on their 18th birthday, those
    living with their former foster carers (local reading of LAIT's measure, unverified).
  - Pathway plan reviewed in the last 6 months (%): care leavers aged 17-21 at the snapshot date whose latest
    pathway plan review is within the 6 months up to it; local measure, months and years.
columns:
  period_type: month or financial_year.
  period_label: 2024-05 for a month, 2024-25 for a financial year.
  period_start: First day of the period.
  period_end: Last day of the period.
  is_complete: False for the period holding the as-at date.
  leavers_19_21: Young people whose 19th-21st birthday falls in the year, less those who died or returned home (DfE denominator); null for months.
  leavers_19_21_in_touch: Of those, in touch.
  leavers_19_21_in_touch_pct: leavers_19_21_in_touch as a % of leavers_19_21.
  leavers_19_21_not_in_touch: Of those, the authority is not in touch.
  leavers_19_21_not_in_touch_pct: leavers_19_21_not_in_touch as a % of leavers_19_21.
  leavers_19_21_eet: Of those, in education, employment or training.
  leavers_19_21_eet_pct: leavers_19_21_eet as a % of leavers_19_21.
  leavers_19_21_accommodation_known: leavers_19_21 less those gone abroad, deported or whose residence is not known (DfE suitable accommodation denominator).
  leavers_19_21_suitable: Of those, in suitable accommodation.
  leavers_19_21_suitable_pct: leavers_19_21_suitable as a % of leavers_19_21_accommodation_known.
  leavers_17_18: Young people whose 17th or 18th birthday falls in the year, less those who died or returned home; null for months.
  leavers_17_18_in_touch: Of those, in touch.
  leavers_17_18_in_touch_pct: leavers_17_18_in_touch as a % of leavers_17_18.
  leavers_17_18_eet: Of those, in education, employment or training.
  leavers_17_18_eet_pct: leavers_17_18_eet as a % of leavers_17_18.
  leavers_17_18_accommodation_known: leavers_17_18 less those gone abroad, deported or whose residence is not known.
  leavers_17_18_suitable: Of those, in suitable accommodation.
  leavers_17_18_suitable_pct: leavers_17_18_suitable as a % of leavers_17_18_accommodation_known.
  staying_put_eligible_19_20: 19- and 20-year-olds in the cohort who left foster care on their 18th birthday.
  staying_put_19_20: Of those, living with former foster carers.
  staying_put_19_20_pct: staying_put_19_20 as a % of staying_put_eligible_19_20.
  care_leavers_open: Care leavers aged 17-21 at the snapshot date.
  pathway_review_in_6_months: Of those, with a pathway plan review in the last 6 months.
  pathway_review_in_6_months_pct: pathway_review_in_6_months as a % of care_leavers_open.
tests:
  unique: [period_type, period_label]
  not_null: [care_leavers_open, pathway_review_in_6_months]
*/
with periods as (
    select * from reference.reporting_periods
),

cohort as (
    select * from intermediate.int_care_leavers_birthdays where in_denominator
),

birthdays as (
    select
        periods.period_type,
        periods.period_label,
        count(*) filter (where c.birthday_age between 19 and 21) as leavers_19_21,
        count(*) filter (where c.birthday_age between 19 and 21 and c.is_in_touch) as leavers_19_21_in_touch,
        count(*) filter (where c.birthday_age between 19 and 21 and c.is_la_not_in_touch) as leavers_19_21_not_in_touch,
        count(*) filter (where c.birthday_age between 19 and 21 and c.is_eet) as leavers_19_21_eet,
        count(*) filter (where c.birthday_age between 19 and 21 and c.in_accommodation_denominator) as leavers_19_21_accommodation_known,
        count(*) filter (where c.birthday_age between 19 and 21 and c.in_accommodation_denominator and c.is_suitably_accommodated) as leavers_19_21_suitable,
        count(*) filter (where c.birthday_age between 17 and 18) as leavers_17_18,
        count(*) filter (where c.birthday_age between 17 and 18 and c.is_in_touch) as leavers_17_18_in_touch,
        count(*) filter (where c.birthday_age between 17 and 18 and c.is_eet) as leavers_17_18_eet,
        count(*) filter (where c.birthday_age between 17 and 18 and c.in_accommodation_denominator) as leavers_17_18_accommodation_known,
        count(*) filter (where c.birthday_age between 17 and 18 and c.in_accommodation_denominator and c.is_suitably_accommodated) as leavers_17_18_suitable,
        count(*) filter (where c.birthday_age between 19 and 20 and c.is_staying_put_eligible) as staying_put_eligible_19_20,
        count(*) filter (where c.birthday_age between 19 and 20 and c.is_staying_put_eligible and c.is_staying_put) as staying_put_19_20
    from periods
    inner join cohort as c on c.financial_year = periods.period_label
    where periods.period_type = 'financial_year'
    group by all
),

open_leavers as (
    select
        periods.period_type,
        periods.period_label,
        count(o.person_id) as care_leavers_open,
        count(o.person_id) filter (where o.pathway_review_in_6_months) as pathway_review_in_6_months
    from periods
    left join intermediate.int_care_leavers_at_period_end as o using (period_type, period_label)
    group by all
),

year_rows as (
    select
        periods.period_type,
        periods.period_label,
        coalesce(b.leavers_19_21, 0) as leavers_19_21,
        coalesce(b.leavers_19_21_in_touch, 0) as leavers_19_21_in_touch,
        coalesce(b.leavers_19_21_not_in_touch, 0) as leavers_19_21_not_in_touch,
        coalesce(b.leavers_19_21_eet, 0) as leavers_19_21_eet,
        coalesce(b.leavers_19_21_accommodation_known, 0) as leavers_19_21_accommodation_known,
        coalesce(b.leavers_19_21_suitable, 0) as leavers_19_21_suitable,
        coalesce(b.leavers_17_18, 0) as leavers_17_18,
        coalesce(b.leavers_17_18_in_touch, 0) as leavers_17_18_in_touch,
        coalesce(b.leavers_17_18_eet, 0) as leavers_17_18_eet,
        coalesce(b.leavers_17_18_accommodation_known, 0) as leavers_17_18_accommodation_known,
        coalesce(b.leavers_17_18_suitable, 0) as leavers_17_18_suitable,
        coalesce(b.staying_put_eligible_19_20, 0) as staying_put_eligible_19_20,
        coalesce(b.staying_put_19_20, 0) as staying_put_19_20
    from periods
    left join birthdays as b using (period_type, period_label)
    where periods.period_type = 'financial_year'
)

select
    periods.period_type,
    periods.period_label,
    periods.period_start,
    periods.period_end,
    periods.is_complete,
    y.leavers_19_21,
    y.leavers_19_21_in_touch,
    reference.pct(y.leavers_19_21_in_touch, y.leavers_19_21) as leavers_19_21_in_touch_pct,
    y.leavers_19_21_not_in_touch,
    reference.pct(y.leavers_19_21_not_in_touch, y.leavers_19_21) as leavers_19_21_not_in_touch_pct,
    y.leavers_19_21_eet,
    reference.pct(y.leavers_19_21_eet, y.leavers_19_21) as leavers_19_21_eet_pct,
    y.leavers_19_21_accommodation_known,
    y.leavers_19_21_suitable,
    reference.pct(y.leavers_19_21_suitable, y.leavers_19_21_accommodation_known) as leavers_19_21_suitable_pct,
    y.leavers_17_18,
    y.leavers_17_18_in_touch,
    reference.pct(y.leavers_17_18_in_touch, y.leavers_17_18) as leavers_17_18_in_touch_pct,
    y.leavers_17_18_eet,
    reference.pct(y.leavers_17_18_eet, y.leavers_17_18) as leavers_17_18_eet_pct,
    y.leavers_17_18_accommodation_known,
    y.leavers_17_18_suitable,
    reference.pct(y.leavers_17_18_suitable, y.leavers_17_18_accommodation_known) as leavers_17_18_suitable_pct,
    y.staying_put_eligible_19_20,
    y.staying_put_19_20,
    reference.pct(y.staying_put_19_20, y.staying_put_eligible_19_20) as staying_put_19_20_pct,
    o.care_leavers_open,
    o.pathway_review_in_6_months,
    reference.pct(o.pathway_review_in_6_months, o.care_leavers_open) as pathway_review_in_6_months_pct
from periods
inner join open_leavers as o using (period_type, period_label)
left join year_rows as y using (period_type, period_label)
order by periods.period_type, periods.period_start
