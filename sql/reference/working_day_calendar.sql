/*
grain: one row per calendar date from 2009-01-01 to 2028-12-31, the years sql/seeds/england_bank_holidays.csv covers
definition: |
  England working days: Monday to Friday, except England and Wales bank holidays (SI 2006/1738 reg 2;
  the calendar the DfE CIN validators use). working_day_number counts working days up to and including
  the date, so the working days strictly after date a, up to and including date b, are
  number(b) - number(a): a same-day completion is 0 working days, the next working day is 1.
  Extend the seed before 2029, or timeliness measures after 2028 will count bank holidays as working days.
columns:
  calendar_date: The date.
  is_working_day: True on Monday to Friday when the date is not a bank holiday in England.
  holiday_name: The bank holiday's name, where the date is one.
  working_day_number: Running count of working days up to and including this date; subtract two to get working days between dates.
tests:
  unique: [calendar_date]
  not_null: [calendar_date, is_working_day, working_day_number]
*/
with days as (
    select cast(d as date) as calendar_date
    from range(timestamp '2009-01-01', timestamp '2029-01-01', interval 1 day) as t(d)
),

flagged as (
    select
        days.calendar_date,
        isodow(days.calendar_date) <= 5 and holidays.holiday_date is null as is_working_day,
        holidays.holiday_name
    from days
    left join reference.england_bank_holidays as holidays
        on holidays.holiday_date = days.calendar_date
)

select
    calendar_date,
    is_working_day,
    holiday_name,
    cast(sum(case when is_working_day then 1 else 0 end) over (order by calendar_date) as integer) as working_day_number
from flagged
