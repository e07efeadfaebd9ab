/*
grain: one row per calendar date from 2009-01-01 to 31 December three years after the as-at date (2028 at least)
definition: |
  England working days: Monday to Friday, except England and Wales bank holidays (SI 2006/1738 reg 2;
  the calendar the DfE CIN validators use). working_day_number counts working days up to and including
  the date, so the working days strictly after date a, up to and including date b, are
  number(b) - number(a): a same-day completion is 0 working days, the next working day is 1.
  Bank holidays come from sql/seeds/england_bank_holidays.csv (gov.uk, one-off proclamations included) up to
  its last year, and after it from the standing rule (reference.england_bank_holidays_by_rule: New Year,
  Easter, the May and August Mondays, Christmas, substitute days). A one-off holiday proclaimed after the seed
  was written is missing until it is added to the seed: the test calendar_bank_holidays_known_for_next_year
  warns when the year after the as-at date is not in the seed.
columns:
  calendar_date: The date.
  is_working_day: True on Monday to Friday when the date is not a bank holiday in England.
  holiday_name: The bank holiday's name, where the date is one.
  working_day_number: Running count of working days up to and including this date; subtract two to get working days between dates.
  holiday_source: seed (gov.uk's published list) or rule (computed for a year after the seed's last); null on other days.
tests:
  unique: [calendar_date]
  not_null: [calendar_date, is_working_day, working_day_number]
  accepted_values:
    holiday_source: [seed, rule]
*/
with bounds as (
    select
        (select max(year(holiday_date)) from reference.england_bank_holidays) as last_seed_year,
        greatest(2028, year(ctx.as_at_date) + 3) as last_year
    from reference.run_context as ctx
),

holidays as (
    select holiday_date, holiday_name, 'seed' as holiday_source from reference.england_bank_holidays
    union all
    -- the rule's years are fixed, not the bounds: a table macro takes constants
    select rule.holiday_date, rule.holiday_name, 'rule'
    from reference.england_bank_holidays_by_rule(2009, 2200) as rule
    cross join bounds
    where year(rule.holiday_date) > bounds.last_seed_year and year(rule.holiday_date) <= bounds.last_year
),

days as (
    select cast(d as date) as calendar_date
    from bounds,
        range(timestamp '2009-01-01', cast(make_date(bounds.last_year + 1, 1, 1) as timestamp), interval 1 day) as t(d)
),

flagged as (
    select
        days.calendar_date,
        isodow(days.calendar_date) <= 5 and holidays.holiday_date is null as is_working_day,
        holidays.holiday_name,
        holidays.holiday_source
    from days
    left join holidays
        on holidays.holiday_date = days.calendar_date
)

select
    calendar_date,
    is_working_day,
    holiday_name,
    cast(sum(case when is_working_day then 1 else 0 end) over (order by calendar_date) as integer) as working_day_number,
    holiday_source
from flagged
