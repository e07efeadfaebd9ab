package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One CIN episode, from the contact that became a referral to case closure: the assessment and its
 * factors, then whichever track the assessment leads to (NFA, early help, CIN plan, section 47 and child
 * protection, or care). Closure follows the last open strand.
 */
final class ReferralStage {

    /** How the episode ended; {@code close} is null while still open at the extract date. */
    record Result(LocalDate close, String closeReason, CareStage.Result care, LocalDate earlyHelpFrom) {}

    private final ProtectionStage protection = new ProtectionStage();
    private final CareStage care = new CareStage();
    private final CinPlanStage cinPlan = new CinPlanStage();

    Result run(Child c, LocalDate refDate, String sourceOverride) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        WorkingDays wd = c.ctx.workingDays();
        String refId = c.nextId("R");
        String need = c.uasc ? "N8" : c.disabled && Pick.chance(rng, 0.7) ? "N2" : Codes.primaryNeed(rng);
        String[] source = sourceOverride != null ? Codes.referralSource(sourceOverride) : Codes.referralSource(rng);
        Workforce.Service intake = "N2".equals(need) ? Workforce.Service.DISABILITY : Workforce.Service.ASSESSMENT;
        c.allocate(intake, refDate, refId, c.lastReferral == null ? "" : "FCONTA");
        Workforce.Worker intakeWorker = c.lastWorker;
        boolean rereferral = c.lastReferral != null;
        c.lastReferral = refDate;

        ContactStage.referralContact(c, refDate, source);
        TableWriter.Row referral = c.emit("ssd_cin_episodes").set("cine_referral_id", refId)
                .set("cine_person_id", c.personId).set("cine_referral_date", refDate)
                .set("cine_cin_primary_need_code", need).set("cine_referral_source_code", source[0])
                .set("cine_referral_source_desc", source[1])
                .set("cine_referral_team", intakeWorker.teamId()).set("cine_referral_worker_id", intakeWorker.id());

        boolean transferIn = "5C".equals(source[0]) && !c.uasc && Pick.chance(rng, 0.35);
        boolean nfaAtReferral = !c.uasc && !transferIn && Pick.chance(rng, 0.07);
        List<LocalDate> ends = new ArrayList<>();
        boolean open = false;
        String closeReason;
        CareStage.Result careResult = null;
        LocalDate earlyHelp = null;
        boolean strategy = false;
        boolean toCare = false;
        boolean cinPlanned = false;

        if (nfaAtReferral) {
            ends.add(refDate.plusDays(Pick.between(rng, 0, 5)));
            // No assessment took place, so not RC8/RC9 ("case closed after assessment"; DfE CIN rule 8825Q)
            closeReason = "RC7";
        } else {
            int duration = Pick.chance(rng, 0.92) ? Math.max(1, (int) Math.round(8 + 37 * Math.sqrt(rng.nextDouble())))
                    : Pick.between(rng, 46, 85);
            LocalDate start = wd.plus(refDate, Pick.chance(rng, 0.7) ? 0 : Pick.between(rng, 1, 3));
            LocalDate auth = wd.plus(refDate, duration);
            if (start.isAfter(clock.asAt)) {
                start = refDate;
            }
            double pS47 = c.uasc || transferIn ? 0 : ("N1".equals(need) ? 0.47 : 0.12) + (c.cpPlans > 0 ? 0.35 : 0)
                    + (rereferral ? 0.05 : 0);
            strategy = Pick.chance(rng, pS47);
            String assessmentId = c.nextId("A");
            ProtectionStage.Result prot = null;
            if (strategy || transferIn) {
                LocalDate strat = transferIn ? refDate : wd.plus(refDate, Pick.between(rng, 0, 6));
                if (!clock.happened(strat)) {
                    strat = refDate;
                }
                prot = protection.run(c, refId, strat, transferIn, intakeWorker);
                open |= prot.end() == null;
                if (prot.end() != null) {
                    ends.add(prot.end());
                }
                toCare = prot.careStart() != null;
            }
            boolean urgentCare = prot == null && !c.uasc && !transferIn && Pick.chance(rng, 0.040);
            boolean shortBreaks = "N2".equals(need) && Pick.chance(rng, 0.25);
            boolean nfa = prot == null && !urgentCare && !c.uasc && !shortBreaks
                    && Pick.chance(rng, "N2".equals(need) ? 0.3 : 0.58);
            cinPlanned = prot == null && !nfa && !urgentCare && !c.uasc;
            writeAssessment(c, assessmentId, refId, start, auth, nfa, strategy, urgentCare || c.uasc, cinPlanned, intakeWorker);
            ends.add(clock.happened(auth) ? auth : null);
            if (!clock.happened(auth)) {
                open = true;
            }

            LocalDate careStart = null;
            CareStage.Route route = CareStage.Route.STANDARD;
            if (c.uasc) {
                careStart = refDate;
                route = CareStage.Route.UASC;
            } else if (toCare) {
                careStart = prot.careStart();
            } else if (urgentCare) {
                careStart = refDate.plusDays(Pick.between(rng, 0, 10));
            }
            if (careStart != null && clock.happened(careStart) && careStart.isBefore(c.lastChildDay())) {
                c.allocate(Workforce.Service.LOOKED_AFTER, careStart, refId, "TSPROC");
                careResult = care.run(c, refId, need, careStart, route);
                open |= careResult.end() == null;
                ends.add(careResult.end());
            }
            if (shortBreaks && careResult == null && clock.happened(auth)) {
                careResult = care.run(c, refId, need, auth.plusDays(Pick.between(rng, 10, 60)), CareStage.Route.SHORT_BREAKS);
                open |= careResult.end() == null;
                ends.add(careResult.end());
            }
            if (clock.happened(auth)) {
                LocalDate stepDown = prot != null && prot.stepDownFrom() != null && careResult == null && Pick.chance(rng, 0.6)
                        ? prot.stepDownFrom() : null;
                if (cinPlanned || stepDown != null) {
                    LocalDate planStart = stepDown != null ? stepDown : auth;
                    if (stepDown == null) {
                        c.allocate("N2".equals(need) ? Workforce.Service.DISABILITY : Workforce.Service.FAMILY_SUPPORT,
                                auth, refId, "TSPROC");
                    }
                    LocalDate planEnd = cinPlan.run(c, refId, planStart);
                    open |= planEnd == null;
                    ends.add(planEnd);
                }
            }
            if (nfa && clock.happened(auth)) {
                boolean toEarlyHelp = Pick.chance(rng, 0.35);
                closeReason = toEarlyHelp ? "RC9" : "RC8";
                if (toEarlyHelp) {
                    earlyHelp = auth.plusDays(Pick.between(rng, 1, 14));
                }
            } else {
                closeReason = careResult != null ? careResult.cinCloseReason() : "RC7";
            }
        }

        LocalDate close = null;
        if (!open) {
            for (LocalDate e : ends) {
                if (e != null && (close == null || e.isAfter(close))) {
                    close = e;
                }
            }
            if (close != null && close.isBefore(refDate)) {
                close = refDate;
            }
            if (!clock.happened(close)) {
                close = null;
            }
        }
        if (close == null) {
            closeReason = "";
            c.endAllocation(null);
            c.forgetAllocation();
        } else {
            c.endAllocation(close);
        }
        boolean nfaFlag = nfaAtReferral;
        referral.set("cine_referral_outcome_json", Codes.json("SINGLE_ASSESSMENT_FLAG", !nfaAtReferral, "NFA_FLAG", nfaFlag,
                        "STRATEGY_DISCUSSION_FLAG", strategy, "CLA_REQUEST_FLAG", c.uasc, "NON_AGENCY_ADOPTION_FLAG", false,
                        "PRIVATE_FOSTERING_FLAG", false, "CP_TRANSFER_IN_FLAG", transferIn, "CP_CONFERENCE_FLAG", transferIn,
                        "CARE_LEAVER_FLAG", false, "OTHER_OUTCOMES_EXIST_FLAG", false))
                .set("cine_referral_nfa", nfaFlag)
                .set("cine_close_reason", closeReason)
                .set("cine_close_date", close);
        return new Result(close, closeReason, careResult, earlyHelp);
    }

    private static void writeAssessment(Child c, String id, String refId, LocalDate start, LocalDate auth, boolean nfa,
                                        boolean strategy, boolean care, boolean services, Workforce.Worker w) {
        SplittableRandom rng = c.rng;
        boolean done = c.ctx.clock().happened(auth);
        c.emit("ssd_cin_assessments").set("cina_assessment_id", id).set("cina_person_id", c.personId)
                .set("cina_referral_id", refId).set("cina_assessment_start_date", start)
                .set("cina_assessment_child_seen", Pick.chance(rng, 0.96))
                .set("cina_assessment_auth_date", done ? auth : null)
                .set("cina_assessment_outcome_json", done ? Codes.json("NFA_FLAG", nfa, "NFA_S47_END_FLAG", false,
                        "STRATEGY_DISCUSSION_FLAG", strategy, "CLA_REQUEST_FLAG", care, "PRIVATE_FOSTERING_FLAG", false,
                        "LEGAL_ACTION_FLAG", false, "PROV_OF_SERVICES_FLAG", services, "PROV_OF_SB_CARE_FLAG", false,
                        "SPECIALIST_ASSESSMENT_FLAG", false, "REFERRAL_TO_OTHER_AGENCY_FLAG", false,
                        "OTHER_ACTIONS_FLAG", false, "OTHER_OUTCOMES_EXIST_FLAG", false, "TOTAL_NO_OF_OUTCOMES", 1,
                        "COMMENTS", "") : null)
                .set("cina_assessment_outcome_nfa", done ? (Object) nfa : null)
                .set("cina_assessment_team", w.teamId()).set("cina_assessment_worker_id", w.id());
        if (done) {
            StringBuilder factors = new StringBuilder("[");
            for (int i = 0; i < Codes.FACTORS.length; i++) {
                double p = Codes.FACTOR_RATES[i] * (nfa ? 0.5 : 1.0);
                if (c.uasc && Codes.FACTORS[i].equals("20")) {
                    p = 1;
                }
                if (Pick.chance(rng, p)) {
                    factors.append(factors.length() > 1 ? ", " : "").append('"').append(Codes.FACTORS[i]).append('"');
                }
            }
            if (factors.length() == 1) {
                factors.append(nfa ? "\"21\"" : "\"20\"");
            }
            c.emit("ssd_assessment_factors").set("cinf_table_id", c.nextId("F")).set("cinf_assessment_id", id)
                    .set("cinf_assessment_factors_json", factors.append(']').toString());
        }
    }
}
