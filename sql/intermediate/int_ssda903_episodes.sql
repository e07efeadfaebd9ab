/*
grain: one row per SSDA903 episode of care, over the child's whole history in the extract (every year)
definition: |
  Episodes of care built by DfE's SSDA903 rules from the SSD's periods of care (ssd_cla_episodes),
  legal statuses (ssd_legal_status) and placements (ssd_cla_placement); the return for a year
  (marts.ssda903_episodes) keeps those open at any time in it. Short breaks (V3/V4) are kept: the return
  carries them, unlike DfE's statistics.
  - Period of care (903 guidance, "Episodes": "a period of care is a continuous period of being looked
    after, which may be made up of one or more episodes"): runs of the SSD's episodes with no gap; a day's
    gap starts a new period.
  - New episode (903 guidance, "A new episode should be started whenever ... the child's legal status
    changes, the child changes placement, or the child's carer changes"): a period is cut at every legal
    status start and every placement start inside it. Consecutive pieces with the same legal status code
    and the same placement are one episode (a status re-recorded with the same code is no change).
  - RNE (903 guidance code set, restated in the SSD spec for clae_cla_episode_start_reason): S started to be
    looked after (first episode of a period); L change of legal status only; P change of placement and
    carer(s) only; T change of placement (but same carer(s)) only; B change of legal status and placement
    and carer(s) at the same time; U change of legal status and change of placement (but same carer(s)) at
    the same time. DfE's validation agrees: rule 436 requires both legal status and placement to change for
    B and U; rule 217 allows only S, T or U when placing for adoption with the current foster carers. The SSD
    holds no carer id: the carer is unchanged when the child is placed for adoption with the current foster
    carer(s) (903 placement types A3/A5 "with current foster carer(s)" following a foster placement U1-U6),
    or when the SSD's own episode starting that day records a same-carer reason (T or U), as
    int_cla_placements_sequenced reads it for the stability measures; any other new placement is a new carer.
  - DEC and REC (903 guidance): an episode ends the day the next begins, with REC X1 ("episode ceases, and
    new episode begins on same day, for any reason"); the last episode of a period ends on the day care
    ceased with the SSD's reason for the period ending (its last episode's ceased reason); an open episode
    has neither.
  - REASON_PLACE_CHANGE (903 guidance, from 2016-17): recorded on an episode that ended because the
    placement changed (the next episode's RNE is P, T, B or U), from the placement's change reason; blank
    when the episode ended for a legal status change only or when care ceased, and for temporary
    placements (T0-T4, "not required for temporary placements", rule 229 in DfE's validation).
  - HOME_POST / PL_POST / URN (903 guidance): the postcode of the child's home address when the period of
    care began (the address in force on that day) and of the placement, in full, and the placement's Ofsted
    URN. Placement location is not recorded for short breaks (V3/V4, rules 214 and 398: "placement location
    information not required"), and there is no home postcode for an unaccompanied asylum-seeking child
    (rule 406: no distance for a child who is or was UASC; ssd_immigration_status).
  - CIN (category of need): the SSD episode's primary need code in force when the episode began.
columns:
  person_id: The child (CHILD).
  period_number: 1 for the child's first period of care in the extract, 2 for the next...
  episode_number: 1 for the first episode of the period, 2 for the next...
  period_start: Date the period of care began.
  period_end: Date the period of care ended; null while looked after.
  decom: Date the episode began (DECOM).
  rne: Reason for new episode (RNE).
  ls: Legal status (LS).
  cin: Category of need N1-N8 (CIN).
  place: Placement type (PLACE).
  place_provider: Placement provider PR0-PR5 (PLACE_PROVIDER).
  dec: Date the episode ceased (DEC); null while open.
  rec: Reason episode ceased (REC); null while open.
  reason_place_change: Reason for placement change (REASON_PLACE_CHANGE).
  home_post: Home postcode (HOME_POST).
  pl_post: Placement postcode (PL_POST).
  urn: Ofsted URN of the placement (URN).
  placement_id: The SSD placement of the episode.
  is_short_break: Legal status V3 or V4 (setting cla_short_break_legal_statuses).
tests:
  unique: [person_id, decom]
  not_null: [person_id, period_number, episode_number, decom, rne]
*/
with ssd_episodes as (
    select * from staging.stg_case__cla_episodes
    where start_date is not null and person_id is not null
),

legal as (
    select * from staging.stg_case__legal_status where start_date is not null
),

placements as (
    select * from staging.stg_case__cla_placement where start_date is not null
),

addresses as (
    select * from staging.stg_case__address where postcode is not null
),

-- periods of care: a day's gap between SSD episodes starts a new one
ordered as (
    select
        *,
        max(coalesce(ceased_date, date '9999-12-31')) over (
            partition by person_id order by start_date, episode_id
            rows between unbounded preceding and 1 preceding
        ) as covered_to
    from ssd_episodes
),

numbered as (
    select
        *,
        sum(case when covered_to is null or covered_to < start_date then 1 else 0 end) over (
            partition by person_id order by start_date, episode_id rows unbounded preceding
        ) as period_number
    from ordered
),

periods as (
    select
        person_id,
        period_number,
        min(start_date) as period_start,
        case when bool_or(ceased_date is null) then null else max(ceased_date) end as period_end,
        arg_max(ceased_reason_code, coalesce(ceased_date, date '9999-12-31')) as period_ceased_reason
    from numbered
    group by person_id, period_number
),

-- the dates a period is cut at: its start, and every legal status and placement start inside it
cut_points as (
    select person_id, period_number, period_start as point from periods
    union
    select periods.person_id, periods.period_number, legal.start_date
    from periods
    inner join legal
        on legal.person_id = periods.person_id
        and legal.start_date > periods.period_start
        and (periods.period_end is null or legal.start_date < periods.period_end)
    union
    select periods.person_id, periods.period_number, placements.start_date
    from periods
    inner join placements
        on placements.person_id = periods.person_id
        and placements.start_date > periods.period_start
        and (periods.period_end is null or placements.start_date < periods.period_end)
),

pieces as (
    select
        cut_points.*,
        lead(point) over (partition by person_id, period_number order by point) as next_point
    from cut_points
),

legal_at as (
    select pieces.person_id, pieces.point, arg_max(legal.legal_status_code, legal.start_date) as ls
    from pieces
    inner join legal
        on legal.person_id = pieces.person_id
        and legal.start_date <= pieces.point
        and (legal.end_date is null or legal.end_date > pieces.point)
    group by pieces.person_id, pieces.point
),

placement_at as (
    select
        pieces.person_id,
        pieces.point,
        arg_max(placements.placement_id, placements.start_date) as placement_id
    from pieces
    inner join placements
        on placements.person_id = pieces.person_id
        and placements.start_date <= pieces.point
        and (placements.end_date is null or placements.end_date > pieces.point)
    group by pieces.person_id, pieces.point
),

need_at as (
    select pieces.person_id, pieces.point, arg_max(ssd_episodes.primary_need_code, ssd_episodes.start_date) as cin
    from pieces
    inner join ssd_episodes
        on ssd_episodes.person_id = pieces.person_id
        and ssd_episodes.start_date <= pieces.point
    group by pieces.person_id, pieces.point
),

described as (
    select
        pieces.person_id,
        pieces.period_number,
        pieces.point,
        legal_at.ls,
        placement_at.placement_id,
        need_at.cin
    from pieces
    left join legal_at using (person_id, point)
    left join placement_at using (person_id, point)
    left join need_at using (person_id, point)
),

-- pieces with the same legal status and placement as the one before are the same episode
marked as (
    select
        *,
        case
            when lag(point) over w is null then 1
            when ls is distinct from lag(ls) over w or placement_id is distinct from lag(placement_id) over w then 1
            else 0
        end as starts_episode
    from described
    window w as (partition by person_id, period_number order by point)
),

grouped as (
    select
        *,
        sum(starts_episode) over (partition by person_id, period_number order by point rows unbounded preceding)
            as episode_number
    from marked
),

episodes as (
    select
        person_id,
        period_number,
        episode_number,
        min(point) as decom,
        arg_min(ls, point) as ls,
        arg_min(placement_id, point) as placement_id,
        arg_min(cin, point) as cin
    from grouped
    group by person_id, period_number, episode_number
),

with_neighbours as (
    select
        episodes.*,
        periods.period_start,
        periods.period_end,
        periods.period_ceased_reason,
        placements.placement_type_code as place,
        placements.provider_code as place_provider,
        placements.urn,
        placements.postcode as pl_post,
        placements.change_reason_code,
        lag(episodes.ls) over w as previous_ls,
        lag(episodes.placement_id) over w as previous_placement_id,
        lag(placements.placement_type_code) over w as previous_place,
        lead(episodes.decom) over w as next_decom,
        lead(episodes.placement_id) over w as next_placement_id
    from episodes
    inner join periods using (person_id, period_number)
    left join placements using (placement_id)
    window w as (partition by episodes.person_id, episodes.period_number order by episodes.episode_number)
),

home as (
    select periods.person_id, periods.period_number, arg_max(addresses.postcode, addresses.start_date) as home_post
    from periods
    inner join addresses
        on addresses.person_id = periods.person_id
        and (addresses.start_date is null or addresses.start_date <= periods.period_start)
        and (addresses.end_date is null or addresses.end_date >= periods.period_start)
    group by periods.person_id, periods.period_number
),

uasc as (
    select distinct person_id from staging.stg_case__immigration_status where is_uasc
),

-- the SSD's own record that a new placement kept the same carers (903 RNE T or U on its episode)
same_carer_recorded as (
    select distinct person_id, start_date from ssd_episodes where start_reason_code in ('T', 'U')
),

classified as (
    select
        with_neighbours.*,
        coalesce(list_contains(string_split(reference.setting('cla_short_break_legal_statuses'), ','), ls), false)
            as is_short_break,
        (place in ('A3', 'A5') and previous_place like 'U%') or same_carer_recorded.person_id is not null
            as carer_unchanged,
        episode_number > 1 and ls is distinct from previous_ls as legal_changed,
        episode_number > 1 and placement_id is distinct from previous_placement_id as placement_changed,
        next_decom is not null and next_placement_id is distinct from placement_id as ends_with_move
    from with_neighbours
    left join same_carer_recorded
        on same_carer_recorded.person_id = with_neighbours.person_id
        and same_carer_recorded.start_date = with_neighbours.decom
)

select
    classified.person_id,
    classified.period_number,
    classified.episode_number,
    classified.period_start,
    classified.period_end,
    classified.decom,
    case
        when classified.episode_number = 1 then 'S'
        when legal_changed and placement_changed then case when carer_unchanged then 'U' else 'B' end
        when legal_changed then 'L'
        when carer_unchanged then 'T'
        else 'P'
    end as rne,
    classified.ls,
    classified.cin,
    classified.place,
    classified.place_provider,
    coalesce(classified.next_decom, classified.period_end) as dec,
    case
        when classified.next_decom is not null then 'X1'
        when classified.period_end is not null then classified.period_ceased_reason
    end as rec,
    case
        when ends_with_move and classified.place not in ('T0', 'T1', 'T2', 'T3', 'T4')
            then classified.change_reason_code
    end as reason_place_change,
    case when not is_short_break and uasc.person_id is null then home.home_post end as home_post,
    case when not is_short_break then classified.pl_post end as pl_post,
    case when not is_short_break then classified.urn end as urn,
    classified.placement_id,
    classified.is_short_break
from classified
left join home using (person_id, period_number)
left join uasc using (person_id)
