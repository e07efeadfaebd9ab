package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Strategy discussion, section 47 enquiry, initial child protection conference and the plan that may
 * follow, with its review conferences and visits. A plan may end with the child coming into care.
 */
final class ProtectionStage {

    /**
     * {@code end} null while anything is still open; {@code stepDownFrom} the date a child in need plan may
     * follow from (the CP plan's end, or the conference date when it made no plan); {@code careStart} set if
     * the plan ended in care.
     */
    record Result(LocalDate end, LocalDate stepDownFrom, LocalDate careStart) {}

    /** Share of initial conferences that make a plan (DfE CIN census: most, not all; transfer-ins nearly always). */
    private static final double ICPC_TO_PLAN = 0.86;
    private static final double TRANSFER_IN_TO_PLAN = 0.97;

    Result run(Child c, String refId, LocalDate strategy, boolean transferIn, Workforce.Worker worker) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        WorkingDays wd = c.ctx.workingDays();
        String s47Id = null;
        LocalDate icpcDate;
        LocalDate last = strategy;
        if (!transferIn) {
            s47Id = c.nextId("S");
            LocalDate s47End = wd.plus(strategy, Pick.between(rng, 3, 15));
            boolean done = clock.happened(s47End);
            boolean conference = Pick.chance(rng, c.cpPlans > 0 ? 0.65 : 0.28);
            // Drawn here rather than after the enquiry row (the row draws nothing when a conference is called, so
            // the random stream is unchanged): a child who turns 18 before the conference could sit does not get
            // one, and the enquiry must not say it called one (DfE CIN rules 8675Q, 8868).
            LocalDate conferenceDate = conference
                    ? wd.plus(strategy, Pick.chance(rng, 0.82) ? Pick.between(rng, 6, 15) : Pick.between(rng, 16, 30))
                    : null;
            boolean conferenceDraw = conference;
            conference = conference && !conferenceDate.isAfter(c.lastChildDay());
            c.emit("ssd_s47_enquiry").set("s47e_s47_enquiry_id", s47Id).set("s47e_referral_id", refId)
                    .set("s47e_person_id", c.personId).set("s47e_s47_start_date", strategy)
                    .set("s47e_s47_end_date", done ? s47End : null)
                    .set("s47e_s47_nfa", done ? (Object) (!conferenceDraw && Pick.chance(rng, 0.5)) : null)
                    .set("s47e_s47_outcome_json", done ? Codes.json("NFA_FLAG", !conference, "LEGAL_ACTION_FLAG", false,
                            "PROV_OF_SERVICES_FLAG", !conference, "PROV_OF_SB_CARE_FLAG", false, "CP_CONFERENCE_FLAG", conference,
                            "NFA_CONTINUE_SINGLE_FLAG", false, "MONITOR_FLAG", false, "OTHER_OUTCOMES_EXIST_FLAG", false,
                            "TOTAL_NO_OF_OUTCOMES", 1, "OUTCOME_COMMENTS", "") : null)
                    .set("s47e_s47_completed_by_worker_id", worker.id())
                    .set("s47e_s47_completed_by_team", worker.teamId());
            if (!done) {
                return new Result(null, null, null);
            }
            last = s47End;
            if (!conference) {
                return new Result(last, null, null);
            }
            icpcDate = conferenceDate;
        } else {
            icpcDate = wd.plus(strategy, Pick.between(rng, 5, 15));
        }
        if (!clock.happened(icpcDate) || icpcDate.isAfter(c.lastChildDay())) {
            return new Result(clock.happened(icpcDate) ? last : null, null, null);
        }
        boolean makesPlan = Pick.chance(rng, transferIn ? TRANSFER_IN_TO_PLAN : ICPC_TO_PLAN);
        // Without a plan the conference usually recommends support as a child in need, sometimes no further action.
        boolean nfa = !makesPlan && Pick.chance(rng, 0.25);
        String planId = makesPlan ? c.nextId("CP") : null;
        String icpcId = c.nextId("IC");
        c.emit("ssd_initial_cp_conference").set("icpc_icpc_id", icpcId).set("icpc_icpc_meeting_id", c.nextId("M"))
                .set("icpc_s47_enquiry_id", s47Id).set("icpc_person_id", c.personId).set("icpc_cp_plan_id", planId)
                .set("icpc_referral_id", refId).set("icpc_icpc_transfer_in", transferIn)
                .set("icpc_icpc_target_date", clock.endOrOpen(wd.plus(strategy, 15))).set("icpc_icpc_date", icpcDate)
                .set("icpc_icpc_outcome_cp_flag", makesPlan)
                .set("icpc_icpc_outcome_json", Codes.json("NFA_FLAG", nfa, "REFERRAL_TO_OTHER_AGENCY_FLAG", false,
                        "SINGLE_ASSESSMENT_FLAG", false, "PROV_OF_SERVICES_FLAG", !makesPlan && !nfa, "CP_FLAG", makesPlan,
                        "OTHER_OUTCOMES_EXIST_FLAG", false, "TOTAL_NO_OF_OUTCOMES", 1, "COMMENTS", ""))
                .set("icpc_icpc_team", worker.teamId()).set("icpc_icpc_worker_id", worker.id());
        if (!makesPlan) {
            return new Result(icpcDate, nfa ? null : icpcDate, null);
        }
        return plan(c, refId, planId, icpcId, icpcDate);
    }

    private Result plan(Child c, String refId, String planId, String icpcId, LocalDate start) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        WorkingDays wd = c.ctx.workingDays();
        c.cpPlans++;
        c.allocate(Workforce.Service.FAMILY_SUPPORT, start, refId, "TSPROC");
        String band = Pick.weighted(rng, "short", 55, "year", 35, "long", 6, "2y", 4);
        int days = switch (band) {
            case "short" -> Pick.between(rng, 45, 240);
            case "year" -> Pick.between(rng, 240, 500);
            case "long" -> Pick.between(rng, 500, 729);
            default -> Pick.between(rng, 730, 1100);
        };
        LocalDate end = c.cap(start.plusDays(days));
        LocalDate careStart = null;
        if (Pick.chance(rng, 0.17) && days > 40) {
            careStart = start.plusDays(Pick.between(rng, 20, days - 1));
            end = c.cap(careStart);
        }
        String initial = Codes.abuseCategory(rng);
        String latest = initial;
        if (end.isBefore(start)) {
            end = start;
        }

        // Reviews: first within 3 months of the plan starting, then at most 6-monthly; a few run late.
        LocalDate due = start.plusMonths(3);
        int reviews = 0;
        while (clock.happened(due)) {
            LocalDate held = Pick.chance(rng, 0.07) ? wd.onOrAfter(due.plusDays(Pick.between(rng, 1, 20)))
                    : wd.onOrBefore(due.minusDays(Pick.between(rng, 0, 10)));
            boolean ending = !held.isBefore(end) && careStart == null;
            if (ending) {
                held = end;
            }
            if (!clock.happened(held) || held.isAfter(end) || (careStart != null && !held.isBefore(end))) {
                break;
            }
            reviews++;
            c.emit("ssd_cp_reviews").set("cppr_cp_review_id", c.nextId("CR")).set("cppr_person_id", c.personId)
                    .set("cppr_cp_plan_id", planId).set("cppr_cp_review_due", due).set("cppr_cp_review_date", held)
                    .set("cppr_cp_review_meeting_id", c.nextId("M"))
                    .set("cppr_cp_review_outcome_continue_cp", !ending)
                    .set("cppr_cp_review_quorate", Pick.chance(rng, 0.97))
                    .set("cppr_cp_review_participation", Codes.participation(rng, c.ageOn(held)));
            if (Pick.chance(rng, 0.12)) {
                // The review conference changes the category (DfE: about 1 in 8 plans end under another one).
                String next = Codes.abuseCategory(rng);
                while (next.equals(latest)) {
                    next = Codes.abuseCategory(rng);
                }
                latest = next;
            }
            if (ending) {
                break;
            }
            due = held.plusMonths(6);
        }
        if (reviews == 0) {
            latest = initial;
        }
        if (start.until(end).toTotalMonths() >= 9 && Pick.chance(rng, 0.3)) {
            LocalDate change = start.plusDays(Pick.between(rng, 120, (int) (end.toEpochDay() - start.toEpochDay())));
            if (clock.happened(change)) {
                c.allocate(Workforce.Service.FAMILY_SUPPORT, change, refId, Pick.weighted(rng, "LEFTRL", 6, "MANAGE", 3, "ABSENC", 1));
            }
        }
        // Visits at least every 10 working days (a common local standard); about 1 in 14 gaps runs over.
        LocalDate visit = wd.plus(start, Pick.between(rng, 2, 8));
        while (!visit.isAfter(end) && clock.happened(visit)) {
            boolean seen = Pick.chance(rng, 0.93);
            c.emit("ssd_cp_visits").set("cppv_cp_visit_id", c.nextId("V")).set("cppv_person_id", c.personId)
                    .set("cppv_cp_plan_id", planId).set("cppv_cp_visit_date", visit).set("cppv_cp_visit_seen", seen)
                    .set("cppv_cp_visit_seen_alone", seen && c.ageOn(visit) >= 4 && Pick.chance(rng, 0.7))
                    .set("cppv_cp_visit_bedroom", seen && Pick.chance(rng, 0.5));
            visit = wd.plus(visit, Pick.chance(rng, 0.07) ? Pick.between(rng, 11, 16) : Pick.between(rng, 6, 10));
        }
        LocalDate recordedEnd = clock.endOrOpen(end);
        c.emit("ssd_cp_plans").set("cppl_cp_plan_id", planId).set("cppl_referral_id", refId)
                .set("cppl_icpc_id", icpcId).set("cppl_person_id", c.personId)
                .set("cppl_cp_plan_start_date", start).set("cppl_cp_plan_end_date", recordedEnd)
                .set("cppl_cp_plan_initial_category", initial).set("cppl_cp_plan_ola", false)
                .set("cppl_cp_plan_latest_category", latest);
        return new Result(recordedEnd, recordedEnd, recordedEnd != null ? careStart : null);
    }
}
