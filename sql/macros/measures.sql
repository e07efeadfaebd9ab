-- The few formulas every area writes: say each once here, call it everywhere. A DuckDB macro is expanded
-- into the query before planning, so calling one costs nothing and computes exactly what the expression did.

-- A percentage to 1 dp; no denominator (0) gives null, never a division error or a misleading 0.
create or replace macro reference.pct(numerator, denominator) as
    round(100.0 * numerator / nullif(denominator, 0), 1);

-- One part's share of a whole that always holds it (a window sum over the part's own group), to 1 dp.
create or replace macro reference.share_pct(part, whole) as
    round(100.0 * part / whole, 1);

-- A rate per 10,000 children aged 0-17 (DfE's unit for CIN, CP and CLA rates), to 1 dp; not annualised.
create or replace macro reference.rate_per_10k(numerator, population) as
    round(numerator * 10000.0 / population, 1);

-- Age in whole years on a date: the birthday this year counts only once it has been reached (a 29 February
-- birthday is reached on 1 March in other years).
create or replace macro reference.age_on(date_of_birth, on_date) as
    year(on_date) - year(date_of_birth)
        - case when strftime(on_date, '%m%d') < strftime(date_of_birth, '%m%d') then 1 else 0 end;

-- A spell (episode, plan, placement, legal status, involvement) in force on a date: started on or before it and
-- not yet ended, where an open spell has no end date. A spell ending on the date is over by then (DfE's
-- "open at 31 March" counts an episode ending on 31 March as closed).
create or replace macro reference.in_force(start_date, end_date, on_date) as
    start_date <= on_date and (end_date is null or end_date > on_date);
