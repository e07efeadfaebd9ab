/*
grain: one row per child and CIN episode (referral) in the CIN census
materialized: view
definition: |
  Who is in the CIN census (DfE, Children in need census guide: "all children referred to children's social
  care, and all children in need, at any point during the year"), as at marts.cin_census_window:
  - A CIN episode (one CINdetails module) is in when the referral was received on or before the as-at date
    and the episode was not closed before 1 April (closed on or after year_start, or open). Episodes closed
    before the year are out, whatever else the child has. A referral received in the year is always in, even
    when the closure recorded for it is earlier: the census shows the error rather than losing the referral.
  - Referrals that resulted in no further action are in only when received during the year (ReferralNFA = 1,
    referral_date >= year_start): an NFA referral is a referral, not a child in need, and an older one is last
    year's (DfE rule 8569Q: a referral before the year cannot be NFA).
  - A child is in when at least one of their episodes is; every included episode of the child is a row.
  - Child identifiers as at the as-at date: a child not yet born then (no birth date, or born after it) is an
    unborn child: ExpectedPersonBirthDate (the expected date, else the birth date the case system now holds),
    no PersonBirthDate, Sex U (DfE rule 8750). A death after the as-at date is not shown.
  - Ethnicity: the case system's code, the SSD's CNHE (Chinese) written as DfE's CHNE; blank is NOBT, DfE's
    "information not yet obtained".
  - UPN and FormerUPN: the child's UPN and former UPN valid at the as-at date (staging.stg_case__linked_identifiers,
    the latest by valid_from). A UPN is sent as held when it has the XSD's shape (letter, 11 digits, digit or
    letter), so DfE's rules 1510-1550 report a wrong check letter against the child; a value not even of that
    shape is left out (it would make the whole file invalid) and the child then shows as having no UPN.
  - UPNunknown, only without a UPN: the case system's code (ssd_person.pers_upn_unknown, UN1-UN7); else UN7 when
    every census episode of the child is an NFA referral (DfE rule 8772), UN1 (not yet of school age) for a
    child born after 31 August six years before the reference year (rule 8770Q's school-age test); otherwise
    blank, and rule 8770Q reports the child: a UPN is due.
  - Closure (CINclosureDate, ReasonForClosure) only when on or before the as-at date.
  - CINdetails DateOfInitialCPC: a transfer-in conference (an ICPC with no section 47 of ours) held in the year
    up to the as-at date; conferences that followed our S47 are recorded on the Section47 module instead (DfE
    rule 2884: one or the other).
  Source: staging.stg_case__cin_episodes, stg_case__person, stg_case__initial_cp_conference.
columns:
  child_id: LAchildID (the case system's person id).
  referral_id: The CIN episode (not sent to DfE; the key of the episode's modules).
  upn: Unique pupil number, when known.
  former_upn: FormerUPN, when known.
  upn_unknown: UPNunknown reason code (UN1-UN7) when there is no UPN.
  person_birth_date: PersonBirthDate (null for an unborn child).
  expected_birth_date: ExpectedPersonBirthDate (unborn children only).
  sex_code: Sex as M, F or U (the year's folder maps it to the year's codes).
  death_date: PersonDeathDate, if on or before the as-at date.
  ethnicity_code: Ethnicity code.
  referral_date: CINreferralDate.
  referral_source_code: ReferralSource.
  primary_need_code: PrimaryNeedCode.
  closure_date: CINclosureDate, if on or before the as-at date.
  closure_reason_code: ReasonForClosure, with the closure date.
  date_of_initial_cpc: CINdetails DateOfInitialCPC (transfer-in conference).
  referral_nfa: ReferralNFA, 1 or 0.
  episode_order: The episode's place among the child's census episodes (referral date, then id).
  is_referral_in_year: The referral was received in the year up to the as-at date.
  is_open_at_as_at: The episode is open (not NFA, not closed) at the as-at date.
tests:
  unique: [referral_id]
  not_null: [child_id, referral_id, referral_date, sex_code, ethnicity_code, referral_nfa, episode_order]
*/
with window_ as (
    select * from marts.cin_census_window
),

episodes as (
    select episodes.*, window_.year_start, window_.reference_date, window_.as_at_date
    from staging.stg_case__cin_episodes as episodes
    cross join window_
    where episodes.referral_date <= window_.as_at_date
      -- a referral in the year is in even when its recorded closure is earlier (DfE rule 8630 reports it)
      and (episodes.close_date is null or episodes.close_date >= window_.year_start
           or episodes.referral_date >= window_.year_start)
      and (not coalesce(episodes.is_nfa, false) or episodes.referral_date >= window_.year_start)
),

transfer_in_conferences as (
    select icpc.referral_id, min(icpc.conference_date) as conference_date
    from staging.stg_case__initial_cp_conference as icpc
    cross join window_
    where icpc.s47_enquiry_id is null
      and icpc.conference_date between window_.year_start and window_.as_at_date
    group by icpc.referral_id
),

children as (
    select
        person_id,
        bool_and(coalesce(is_nfa, false)) as only_nfa
    from episodes
    group by person_id
),

identifiers as (
    select
        person_id,
        arg_max(identifier_value, coalesce(valid_from, date '1900-01-01'))
            filter (where identifier_kind = 'upn') as upn,
        arg_max(identifier_value, coalesce(valid_from, date '1900-01-01'))
            filter (where identifier_kind = 'former_upn') as former_upn
    from staging.stg_case__linked_identifiers
    cross join window_
    where identifier_kind in ('upn', 'former_upn')
      and (valid_from is null or valid_from <= window_.as_at_date)
      and (valid_to is null or valid_to > window_.as_at_date)
      and regexp_full_match(identifier_value, '[A-Za-z][0-9]{11}[0-9A-Za-z]')
    group by person_id
),

people as (
    select
        person.person_id,
        window_.as_at_date,
        window_.reference_date,
        person.date_of_birth is null or person.date_of_birth > window_.as_at_date as is_unborn,
        person.date_of_birth,
        person.expected_date_of_birth,
        person.sex,
        person.date_of_death,
        person.ethnicity_code,
        person.upn_unknown_code
    from staging.stg_case__person as person
    cross join window_
    where person.person_id in (select person_id from children)
)

select
    episodes.person_id as child_id,
    episodes.referral_id,
    identifiers.upn,
    identifiers.former_upn,
    case
        when identifiers.upn is not null then null
        when people.upn_unknown_code in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7') then people.upn_unknown_code
        when children.only_nfa then 'UN7'
        -- rule 8770Q: of school age = born on or before 31 August of the year 6 years before the reference year
        when people.is_unborn
            or people.date_of_birth > people.reference_date + interval 4 month + interval 31 day - interval 6 year
            then 'UN1'
    end as upn_unknown,
    case when not people.is_unborn then people.date_of_birth end as person_birth_date,
    case when people.is_unborn then coalesce(people.expected_date_of_birth, people.date_of_birth) end
        as expected_birth_date,
    case
        when people.is_unborn then 'U'
        when upper(trim(people.sex)) in ('M', 'F') then upper(trim(people.sex))
        else 'U'
    end as sex_code,
    case when people.date_of_death <= people.as_at_date then people.date_of_death end as death_date,
    -- the SSD's code list spells Chinese CNHE (ssd_person.pers_ethnicity); DfE's is CHNE
    case upper(trim(people.ethnicity_code))
        when 'CNHE' then 'CHNE'
        when '' then 'NOBT'
        else coalesce(upper(trim(people.ethnicity_code)), 'NOBT')
    end as ethnicity_code,
    episodes.referral_date,
    episodes.referral_source_code,
    episodes.primary_need_code,
    case when episodes.close_date <= episodes.as_at_date then episodes.close_date end as closure_date,
    case when episodes.close_date <= episodes.as_at_date then episodes.close_reason_code end as closure_reason_code,
    transfer_in_conferences.conference_date as date_of_initial_cpc,
    case when coalesce(episodes.is_nfa, false) then 1 else 0 end as referral_nfa,
    row_number() over (partition by episodes.person_id order by episodes.referral_date, episodes.referral_id)
        as episode_order,
    episodes.referral_date >= episodes.year_start as is_referral_in_year,
    not coalesce(episodes.is_nfa, false)
        and (episodes.close_date is null or episodes.close_date > episodes.as_at_date) as is_open_at_as_at
from episodes
inner join children on children.person_id = episodes.person_id
inner join people on people.person_id = episodes.person_id
left join identifiers on identifiers.person_id = episodes.person_id
left join transfer_in_conferences on transfer_in_conferences.referral_id = episodes.referral_id
