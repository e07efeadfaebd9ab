/*
grain: one row per SSDA903 episode open at any time in the collection year (marts.ssda903_year)
materialized: view
definition: |
  A view over the built episodes for the year in marts.ssda903_year (SET VARIABLE ssda903_year_start =
  DATE '2024-04-01' shows 2024-25).
  The return's Episodes table (903 guidance: "all episodes of care which were open at any time during the
  collection year", i.e. began on or before 31 March and had not ceased before 1 April), built by DfE's
  episode rules in intermediate.int_ssda903_episodes. What happened after 31 March is not shown: an episode
  ceasing later is open (DEC and REC blank, and REASON_PLACE_CHANGE blank: "not required when the episode
  has not ceased").
columns:
  child: Child id (CHILD) - the case system's person id.
  decom: Date episode began (DECOM).
  rne: Reason for new episode (RNE).
  ls: Legal status (LS).
  cin: Category of need (CIN).
  place: Placement type (PLACE).
  place_provider: Placement provider (PLACE_PROVIDER).
  dec: Date episode ceased (DEC), blank while open at 31 March.
  rec: Reason episode ceased (REC).
  reason_place_change: Reason for placement change (REASON_PLACE_CHANGE).
  home_post: Home postcode (HOME_POST).
  pl_post: Placement postcode (PL_POST).
  urn: Ofsted URN of the placement (URN).
  is_short_break: Legal status V3/V4 (not a column of the return).
tests:
  unique: [child, decom]
  not_null: [child, decom, rne]
*/
with yr as (
    select * from marts.ssda903_year
),

episodes as (
    select * from intermediate.int_ssda903_episodes
)

select
    episodes.person_id as child,
    episodes.decom,
    episodes.rne,
    episodes.ls,
    episodes.cin,
    episodes.place,
    episodes.place_provider,
    case when episodes.dec <= yr.year_end then episodes.dec end as dec,
    case when episodes.dec <= yr.year_end then episodes.rec end as rec,
    case when episodes.dec <= yr.year_end then episodes.reason_place_change end as reason_place_change,
    episodes.home_post,
    episodes.pl_post,
    episodes.urn,
    episodes.is_short_break
from episodes
cross join yr
where episodes.decom <= yr.year_end
  and (episodes.dec is null or episodes.dec >= yr.year_start)
order by child, decom
