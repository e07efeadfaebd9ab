/*
grain: one row per child in the data-quality window and person-record problem
definition: |
  Data-quality rules on the person record (ssd_person) of every child in intermediate.int_dq_children_in_scope.
  Codes and messages: sql/seeds/data_quality_rules.csv.
  - SEX_MISSING: sex blank or U (unknown). SSDA903 takes only male or female and the CIN census reads U as
    not known, so a child on a return needs it recorded. Unborn children are not checked.
  - SEX_INVALID: a value other than M, F or U (after trimming, any case).
  - ETHNICITY_MISSING: blank or NOBT (information not yet obtained). REFU (refused) is a recorded answer.
    Unborn children are not checked.
  - ETHNICITY_INVALID: not one of DfE's 18 ethnicity codes, REFU or NOBT (CNHE, the SSD's spelling of
    CHNE, is accepted).
  - DOB_MISSING: no date of birth and no expected date of birth.
  - DOB_IMPLAUSIBLE: the child was 26 or older at their latest referral (care leavers are supported to 25;
    a child's referral at 26+ is almost always a mistyped year).
columns:
  rule_code: Rule (sql/seeds/data_quality_rules.csv).
  source_table: SSD table holding the record to correct.
  record_id: Id of the record to correct (here the person id).
  person_id: The child.
  team_id: Team named on the record itself; null here (the child's allocation is used).
  worker_id: Worker named on the record itself; null here.
  detail: What was found (the code as recorded, or the age at referral); null when the message says it all.
tests:
  unique: [rule_code, record_id]
  not_null: [rule_code, source_table, record_id, person_id]
*/
with children as (
    select * from intermediate.int_dq_children_in_scope
),

people as (
    select
        people.person_id,
        nullif(upper(trim(people.sex)), '') as sex,
        nullif(upper(trim(people.ethnicity_code)), '') as ethnicity,
        people.date_of_birth,
        people.expected_date_of_birth,
        children.is_unborn,
        children.latest_referral_date
    from staging.stg_case__person as people
    inner join children using (person_id)
),

problems as (
    select person_id, 'SEX_MISSING' as rule_code,
        case when sex is null then 'sex is blank' else 'sex is U (unknown)' end as detail
    from people
    where not is_unborn and (sex is null or sex = 'U')
    union all
    select person_id, 'SEX_INVALID', 'recorded as ''' || left(sex, 12) || ''''
    from people
    where sex not in ('M', 'F', 'U')
    union all
    select person_id, 'ETHNICITY_MISSING',
        case when ethnicity is null then 'ethnicity is blank' else 'ethnicity is NOBT (not yet obtained)' end
    from people
    where not is_unborn and (ethnicity is null or ethnicity = 'NOBT')
    union all
    select person_id, 'ETHNICITY_INVALID', 'recorded as ''' || left(ethnicity, 12) || ''''
    from people
    where ethnicity not in ('WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND',
        'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'CNHE', 'OOTH', 'REFU', 'NOBT')
    union all
    select person_id, 'DOB_MISSING', null
    from people
    where date_of_birth is null and expected_date_of_birth is null
    union all
    select person_id, 'DOB_IMPLAUSIBLE',
        'aged ' || (year(latest_referral_date) - year(date_of_birth)
            - case when strftime(latest_referral_date, '%m%d') < strftime(date_of_birth, '%m%d') then 1 else 0 end)
            || ' at the latest referral ('
            || strftime(latest_referral_date, '%d/%m/%Y') || ')'
    from people
    where date_of_birth is not null
      and latest_referral_date is not null
      and cast(date_of_birth + interval 26 year as date) <= latest_referral_date
)

select
    rule_code,
    'ssd_person' as source_table,
    person_id as record_id,
    person_id,
    cast(null as varchar) as team_id,
    cast(null as varchar) as worker_id,
    detail
from problems
