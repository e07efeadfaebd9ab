-- test: no_episode_closes_before_its_referral
select * from staging.stg_case__cin_episodes
where close_date < referral_date;
