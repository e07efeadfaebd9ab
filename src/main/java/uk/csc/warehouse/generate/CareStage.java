package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A period of care: legal statuses and placements over time, cut into SSDA903 episodes wherever either
 * changes, ending with a reason the child ceased to be looked after (or still open at the extract date).
 */
final class CareStage {

    enum Route { STANDARD, UASC, SHORT_BREAKS }

    /** {@code end} null while still looked after; {@code careLeaver} if the leaving-care duties apply. */
    record Result(String claId, LocalDate start, LocalDate end, String ceasedReason, String cinCloseReason,
                  boolean careLeaver) {}

    private final CareOversight oversight = new CareOversight();

    Result run(Child c, String refId, String need, LocalDate start, Route route) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        String claId = c.nextId("CLA");
        int age = c.ageOn(start);
        // The SSDA903 category of need is N1-N8: N9 ("cases other than children in need") never enters care.
        need = need != null && need.matches("N[1-8]") ? need : "N1";
        LocalDate eighteen = c.birthday(18);

        String exit;
        int days;
        if (route == Route.SHORT_BREAKS) {
            exit = "E8";
            days = Pick.between(rng, 180, 540);
        } else if (route == Route.UASC) {
            exit = "18";
            days = Integer.MAX_VALUE;
        } else {
            exit = age < 5 ? Pick.weighted(rng, "ADOPT", 30, "SGO", 25, "HOME", 27, "18", 18)
                    : age < 13 ? Pick.weighted(rng, "SGO", 13, "HOME", 40, "18", 32, "CAO", 5, "E13", 10)
                    : Pick.weighted(rng, "HOME", 42, "18", 48, "E13", 5, "E3", 5);
            days = switch (exit) {
                case "ADOPT" -> Pick.between(rng, 540, 900);
                case "SGO" -> Pick.between(rng, 365, 760);
                case "HOME" -> 14 + (int) Pick.exponentialDays(rng, 365.25 / 300.0);
                case "CAO" -> Pick.between(rng, 300, 600);
                case "E13", "E3" -> Pick.between(rng, 60, 500);
                default -> Integer.MAX_VALUE;
            };
        }
        LocalDate end = days == Integer.MAX_VALUE ? eighteen : start.plusDays(days);
        if (!end.isBefore(eighteen)) {
            end = eighteen;
            exit = "18";
        }

        // Legal status changes, keyed by date (TreeMap keeps output order deterministic).
        TreeMap<LocalDate, String> legal = new TreeMap<>();
        String first = route == Route.SHORT_BREAKS ? "V4" : route == Route.UASC ? "V2"
                : age < 13 ? Pick.weighted(rng, "C1", 45, "V2", 35, "L1", 10, "L2", 10)
                : Pick.weighted(rng, "V2", 60, "C1", 25, "L1", 8, "J1", 7);
        legal.put(start, first);
        if ("J1".equals(first)) {
            exit = "E14";
            end = c.cap(start.plusDays(Pick.between(rng, 20, 120)));
        }
        LocalDate t = start;
        String status = first;
        if (status.equals("L1") || status.equals("L2")) {
            // Police protection lasts at most 72 hours (Children Act 1989 s46); an EPO up to 8 days (s45).
            t = t.plusDays(status.equals("L1") ? Pick.between(rng, 1, 3) : Pick.between(rng, 2, 8));
            status = age >= 13 && Pick.chance(rng, 0.5) ? "V2" : "C1";
            legal.put(t, status);
        }
        if (status.equals("C1")) {
            legal.put(t.plusDays(Pick.between(rng, 120, 300)), "C2");
        }
        LocalDate placementOrder = null;
        LocalDate placedForAdoption = null;
        if (exit.equals("ADOPT")) {
            placementOrder = start.plusDays(Pick.between(rng, 270, 420));
            legal.put(placementOrder, "E1");
            placedForAdoption = placementOrder.plusDays(Pick.between(rng, 40, 150));
            if (!placedForAdoption.isBefore(end)) {
                placedForAdoption = end.minusDays(Pick.between(rng, 150, 250));
                if (!placedForAdoption.isAfter(placementOrder)) {
                    placedForAdoption = placementOrder.plusDays(1);
                }
            }
        }
        legal.tailMap(end, true).clear();

        // Placements: each lasts a time whose move hazard falls the longer it has lasted (see placementDays);
        // adoptive placements replace the last foster home.
        List<Placement> placements = new ArrayList<>();
        Placement current = Placement.create(c, start, route == Route.SHORT_BREAKS ? "K2"
                : Placement.allowedUnder(Placement.typeFor(rng, age, c.uasc), first));
        placements.add(current);
        TreeMap<LocalDate, Boolean> sameCarer = new TreeMap<>();
        LocalDate moveLimit = placedForAdoption != null ? placedForAdoption : end;
        boolean moves = route != Route.SHORT_BREAKS;
        LocalDate move = moves ? start.plusDays(placementDays(rng, age, 1)) : end;
        int n = 1;
        while (moves && move.isBefore(moveLimit)) {
            current.end = move;
            current.changeReason = Placement.moveReason(rng);
            current = Placement.create(c, move,
                    Placement.allowedUnder(Placement.typeFor(rng, c.ageOn(move), c.uasc), legal.floorEntry(move).getValue()));
            placements.add(current);
            sameCarer.put(move, false);
            move = move.plusDays(placementDays(rng, c.ageOn(move), ++n));
        }
        boolean byCarer = false;
        LocalDate fosterStart = null;
        if (placedForAdoption != null) {
            byCarer = current.isFoster() && Pick.chance(rng, 0.35);
            fosterStart = byCarer ? current.start : null;
            if (byCarer) {
                // Placed for adoption with the current foster carers: the placement order makes the foster home an
                // adoptive placement that day, so legal status and placement change together (SSDA903 RNE U, rule 217).
                legal.remove(placementOrder);
                placementOrder = placedForAdoption;
                legal.put(placementOrder, "E1");
            }
            current.end = placedForAdoption;
            current.changeReason = "CARPL";
            // Placed for adoption under the placement order (A5/A6 need legal status E1, SSDA903 rule 408): a care
            // order drawn for a date after the placement order never happened.
            legal.tailMap(placementOrder, false).clear();
            current = Placement.create(c, placedForAdoption, byCarer ? "A5" : "A6");
            placements.add(current);
            sameCarer.put(placedForAdoption, byCarer);
        }

        // Episodes: a new one wherever legal status or placement changes, cut at the extract date.
        TreeMap<LocalDate, String> starts = new TreeMap<>();
        starts.put(start, "S");
        for (LocalDate d : legal.keySet()) {
            if (d.isAfter(start)) {
                starts.put(d, "L");
            }
        }
        for (Map.Entry<LocalDate, Boolean> e : sameCarer.entrySet()) {
            boolean legalToo = "L".equals(starts.get(e.getKey()));
            // 903 code set: T = new placement, same carer(s); B = legal status, placement and carer(s) all change.
            starts.put(e.getKey(), e.getValue() ? (legalToo ? "U" : "T") : (legalToo ? "B" : "P"));
        }
        String ceased = exit.equals("18") ? reasonAt18(c, rng)
                : switch (exit) {
                    case "ADOPT" -> Pick.weighted(rng, "E11", 50, "E12", 50);
                    // E45/E46 are special guardianship to the former foster carers: only from a foster home
                    // (SSDA903 rule 516); from any other placement the guardians are other carers (E47/E48).
                    case "SGO" -> current.isFoster() ? Pick.weighted(rng, "E45", 50, "E46", 10, "E47", 35, "E48", 5)
                            : Pick.weighted(rng, "E47", 85, "E48", 15);
                    case "HOME" -> Pick.weighted(rng, "E4A", 85, "E4B", 15);
                    case "CAO" -> "E41";
                    default -> exit;
                };
        boolean open = !clock.happened(end);
        TableWriter.Row lastEpisode = null;
        List<LocalDate> dates = new ArrayList<>(starts.keySet());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate from = dates.get(i);
            if (!clock.happened(from) || !from.isBefore(end)) {
                break;
            }
            LocalDate to = i + 1 < dates.size() && dates.get(i + 1).isBefore(end) ? dates.get(i + 1) : end;
            boolean last = to.equals(end);
            Placement p = placementOn(placements, from);
            lastEpisode = c.emit("ssd_cla_episodes").set("clae_cla_episode_id", c.nextId("E")).set("clae_person_id", c.personId)
                    .set("clae_cla_episode_start_date", from).set("clae_cla_episode_start_reason", starts.get(from))
                    .set("clae_cla_primary_need_code", need)
                    .set("clae_cla_episode_ceased_date", clock.endOrOpen(to))
                    .set("clae_cla_episode_ceased_reason", !clock.happened(to) ? "" : last ? ceased : "X1")
                    .set("clae_cla_id", claId).set("clae_referral_id", refId)
                    .set("clae_cla_placement_id", p.id).set("clae_entered_care_date", start);
        }
        for (Placement p : placements) {
            if (!clock.happened(p.start) || !p.start.isBefore(end)) {
                break;
            }
            LocalDate pEnd = p.end == null || p.end.isAfter(end) ? end : p.end;
            c.emit("ssd_cla_placement").set("clap_cla_placement_id", p.id).set("clap_cla_placement_start_date", p.start)
                    .set("clap_cla_placement_type", p.typeRecordedTo(pEnd)).set("clap_cla_placement_urn", p.urnRecordedTo(pEnd))
                    .set("clap_cla_placement_distance", p.distance).set("clap_cla_id", claId)
                    .set("clap_cla_placement_provider", p.provider).set("clap_cla_placement_postcode", p.postcode)
                    .set("clap_cla_placement_end_date", clock.endOrOpen(pEnd))
                    .set("clap_cla_placement_change_reason", clock.happened(pEnd) && !pEnd.equals(end) ? p.changeReason : "")
                    .set("clap_person_id", c.personId);
        }
        writeLegalStatuses(c, legal, end);
        if (route != Route.SHORT_BREAKS) {
            LocalDate lastReview = oversight.run(c, claId, start, end);
            MissingEpisodes.run(c, start, end);
            if (lastReview != null && lastEpisode != null) {
                // The IRO's latest contact with the child is taken to be the latest review they chaired.
                lastEpisode.set("clae_cla_last_iro_contact_date", lastReview);
            }
            PermanenceStage.run(c, claId, start, end, exit, ceased, placementOrder, placedForAdoption, byCarer, fosterStart);
            CarePlanStage.run(c, claId, start, end, exit, placementOrder);
            if (c.returns != null) {
                OutcomesStage.run(c, claId, start, end);
            }
        }
        if (c.returns != null) {
            PreviousPermanenceStage.run(c, claId, start, end, ceased);
        }
        c.lastPlacementType = current.type;
        LocalDate recordedEnd = open ? null : end;
        String cinClose = switch (ceased) {
            case "E11", "E12" -> "RC1";
            case "E45", "E46", "E47", "E48" -> "RC4";
            case "E41" -> "RC3";
            case "E3" -> "RC5";
            case "E7" -> "RC6";
            default -> "RC7";
        };
        if (route != Route.SHORT_BREAKS) {
            c.careDaysSince14 += Math.max(0, end.toEpochDay() - Math.max(start.toEpochDay(), c.birthday(14).toEpochDay()));
        }
        // Eligible (SSDA903 OC3; Children (Leaving Care) Act 2000): looked after 13+ weeks in all since 14, in one
        // period or several, and looked after at 16 or later (adoption ends the duty).
        boolean careLeaver = route != Route.SHORT_BREAKS && !open && !end.isBefore(c.birthday(16)) && c.careDaysSince14 >= 91
                && !ceased.equals("E11") && !ceased.equals("E12") && !ceased.equals("E2");
        return new Result(claId, start, recordedEnd, open ? "" : ceased, open ? "" : cinClose, careLeaver);
    }

    /**
     * How long the {@code n}th placement lasts before the child moves on, in days. A mixture: a short-lived
     * placement (emergency, bridging, or one that breaks down early) or one that settles, where moves are
     * rare. Together the hazard of a move is high in a placement's first months and falls the longer it
     * lasts, so most moves happen early and long-term foster placements are stable (DfE: about 70% of
     * children under 16 in care 2.5+ years have been in the same placement 2+ years). First placements and
     * teenagers' placements are more often short-lived.
     */
    static long placementDays(SplittableRandom rng, int age, int n) {
        boolean teen = age >= 13;
        double pShort = n == 1 ? (teen ? 0.65 : 0.55) : (teen ? 0.55 : 0.45);
        if (Pick.chance(rng, pShort)) {
            return 7 + (long) Pick.exponentialDays(rng, 365.25 / 90.0);
        }
        return 60 + (long) Pick.exponentialDays(rng, teen ? 0.3 : 0.11);
    }

    private static String reasonAt18(Child c, SplittableRandom rng) {
        if (c.uasc) {
            return Pick.weighted(rng, "E5", 50, "E6", 15, "E17", 30, "E15", 5);
        }
        return c.disabled ? Pick.weighted(rng, "E7", 50, "E17", 30, "E5", 20)
                : Pick.weighted(rng, "E17", 35, "E5", 35, "E6", 10, "E4A", 10, "E13", 10);
    }

    private static Placement placementOn(List<Placement> placements, LocalDate d) {
        Placement found = placements.get(0);
        for (Placement p : placements) {
            if (!p.start.isAfter(d)) {
                found = p;
            }
        }
        return found;
    }

    private static void writeLegalStatuses(Child c, TreeMap<LocalDate, String> legal, LocalDate end) {
        Clock clock = c.ctx.clock();
        List<Map.Entry<LocalDate, String>> list = new ArrayList<>(legal.entrySet());
        for (int i = 0; i < list.size(); i++) {
            LocalDate from = list.get(i).getKey();
            if (!clock.happened(from) || !from.isBefore(end)) {
                break;
            }
            LocalDate to = i + 1 < list.size() && list.get(i + 1).getKey().isBefore(end) ? list.get(i + 1).getKey() : end;
            c.emit("ssd_legal_status").set("lega_legal_status_id", c.nextId("LS")).set("lega_person_id", c.personId)
                    .set("lega_legal_status", list.get(i).getValue()).set("lega_legal_status_start_date", from)
                    .set("lega_legal_status_end_date", clock.endOrOpen(to));
        }
    }
}
