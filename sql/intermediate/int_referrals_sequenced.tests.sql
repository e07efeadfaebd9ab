-- test: previous_referral_not_after_referral
select * from intermediate.int_referrals_sequenced
where previous_referral_date > referral_date;

-- test: first_referral_is_never_a_re_referral
select * from intermediate.int_referrals_sequenced
where referral_sequence = 1 and is_re_referral_12m;
