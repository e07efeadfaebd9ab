-- test: rows_are_the_front_door_referrals_in_the_window
-- List 3 (default window) holds exactly the referrals marts.front_door counts (int_referrals_sequenced) in the window.
with w as (select * from marts.annex_a_window),
listed as (select referral_id from marts.annex_a_list_03_referrals),
counted as (
    select r.referral_id from intermediate.int_referrals_sequenced as r, w
    where r.referral_date between w.window_start and w.as_at_date
)
select 'listed, not counted by front_door' as problem, referral_id from (select referral_id from listed except select referral_id from counted)
union all
select 'counted by front_door, not listed', referral_id from (select referral_id from counted except select referral_id from listed);
