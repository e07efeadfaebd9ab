-- test: birthday_matches_age
select person_id, birthday_age, birthday from intermediate.int_care_leavers_birthdays as b
where not exists (
    select 1 from staging.stg_case__person as p
    where p.person_id = b.person_id and cast(p.date_of_birth + to_years(b.birthday_age) as date) = b.birthday);
