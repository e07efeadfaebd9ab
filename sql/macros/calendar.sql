-- England and Wales bank holidays by the standing rule (Banking and Financial Dealings Act 1971 sch 1 and the
-- annual proclamations' pattern), for the years after the last one sql/seeds/england_bank_holidays.csv lists:
-- New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August,
-- Christmas Day and Boxing Day, a weekend one moved to the next free weekday (the "substitute day").
-- One-off proclamations (a jubilee, a coronation, a state funeral, a moved May holiday) cannot be foreseen: the
-- seed holds them, and the calendar's data test warns once the as-at year passes the seed's last year.
-- Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher), integer arithmetic only.
create or replace macro reference.england_bank_holidays_by_rule(from_year, to_year) as table
with years as (
    select cast(y as integer) as y from range(from_year, to_year + 1) as r(y)
),

easter_terms as (
    select y, y % 19 as a, y // 100 as b, y % 100 as c from years
),

easter_terms_2 as (
    select y, a, b, c, b // 4 as d, b % 4 as e, (b - (b + 8) // 25 + 1) // 3 as g, c // 4 as i, c % 4 as k
    from easter_terms
),

easter_terms_3 as (
    select y, a, e, i, k, (19 * a + b - d - g + 15) % 30 as h from easter_terms_2
),

easter_terms_4 as (
    select y, a, h, (32 + 2 * e + 2 * i - h - k) % 7 as l from easter_terms_3
),

easter as (
    select y,
        make_date(y, cast((h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114) // 31 as integer),
            cast((h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114) % 31 + 1 as integer)) as easter_sunday
    from easter_terms_4
),

fixed as (
    select y, make_date(y, 1, 1) as new_year, make_date(y, 5, 1) as may_1, make_date(y, 5, 31) as may_31,
        make_date(y, 8, 31) as aug_31, make_date(y, 12, 25) as christmas
    from years
),

holidays as (
    select
        case isodow(new_year) when 6 then new_year + 2 when 7 then new_year + 1 else new_year end as holiday_date,
        case when isodow(new_year) >= 6 then 'New Year''s Day (substitute day)' else 'New Year''s Day' end as holiday_name
    from fixed
    union all
    select easter_sunday - 2, 'Good Friday' from easter
    union all
    select easter_sunday + 1, 'Easter Monday' from easter
    union all
    select may_1 + cast((8 - isodow(may_1)) % 7 as integer), 'Early May bank holiday' from fixed
    union all
    select may_31 - cast(isodow(may_31) - 1 as integer), 'Spring bank holiday' from fixed
    union all
    select aug_31 - cast(isodow(aug_31) - 1 as integer), 'Summer bank holiday' from fixed
    union all
    -- Christmas on a Saturday or Sunday moves to Tuesday 27th when Boxing Day takes Monday, else Monday 27th.
    select
        case isodow(christmas) when 6 then christmas + 2 when 7 then christmas + 2 else christmas end,
        case when isodow(christmas) >= 6 then 'Christmas Day (substitute day)' else 'Christmas Day' end
    from fixed
    union all
    select
        case isodow(christmas) when 5 then christmas + 3 when 6 then christmas + 3 when 7 then christmas + 1
            else christmas + 1 end,
        case when isodow(christmas) in (5, 6) then 'Boxing Day (substitute day)' else 'Boxing Day' end
    from fixed
)

select holiday_date, holiday_name from holidays;
