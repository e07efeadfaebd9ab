-- test: numerators_within_denominators
select * from marts.contacts_by_source_outcome
where contacts > contacts_from_source or contacts_from_source > contacts_in_period;

-- test: contacts_add_up_to_the_extract
select c.period_type, c.period_label
from marts.contacts_by_source_outcome as c
join reference.reporting_periods as p using (period_type, period_label)
group by c.period_type, c.period_label, p.period_start, p.period_end
having sum(c.contacts) <> (select count(*) from intermediate.int_contacts_classified as i
                           where i.contact_date between p.period_start and p.period_end);

-- test: shares_add_up_to_100
-- A period's shares sum to 100 over every source and outcome, and a source's over its outcomes, give or take 0.05
-- of rounding per row; the source's contacts lie within the period's.
select period_type, period_label, source_code, sum(share_of_source_pct) as source_total
from marts.contacts_by_source_outcome
group by period_type, period_label, source_code
having abs(sum(share_of_source_pct) - 100) > 0.05 * count(*) + 0.001 or max(contacts_from_source) > max(contacts_in_period)
union all
select period_type, period_label, null, sum(share_of_period_pct)
from marts.contacts_by_source_outcome
group by period_type, period_label
having abs(sum(share_of_period_pct) - 100) > 0.05 * count(*) + 0.001;
