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

-- test: shares_recompute_from_counts
select * from marts.contacts_by_source_outcome
where share_of_period_pct is distinct from round(100.0 * contacts / nullif(contacts_in_period, 0), 1)
   or share_of_source_pct is distinct from round(100.0 * contacts / nullif(contacts_from_source, 0), 1);
