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
