-- test: calendar_bank_holidays_known_for_next_year severity: warn
-- Holidays after the seed's last year come from the standing rule, which cannot know a one-off proclamation
-- (a jubilee, a coronation, a moved May holiday). Add gov.uk's list for the coming year to
-- sql/seeds/england_bank_holidays.csv when this fires.
select ctx.as_at_date, max(year(h.holiday_date)) as last_seed_year
from reference.run_context as ctx
cross join reference.england_bank_holidays as h
group by ctx.as_at_date
having max(year(h.holiday_date)) < year(ctx.as_at_date) + 1;

-- test: calendar_every_year_has_its_bank_holidays
-- Eight a year by the rule (more in a year of proclamations): a year with fewer lost rows from the seed.
select year(calendar_date) as calendar_year, count(holiday_name) as holidays
from reference.working_day_calendar
group by 1
having count(holiday_name) < 8;
