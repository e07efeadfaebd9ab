package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Lives one child's childhood from birth (or arrival) to 18 or the extract date as a sequence of
 * competing events - contacts, referrals, early help - each referral running a whole CIN episode. Only
 * episodes still open at, or closing within, the history window reach the extract.
 */
final class ChildSimulator {
    /** Re-referral within 12 months of a closed episode, on top of the raised hazard for known children. */
    private static final double REREFERRAL = 0.24;
    private static final double UASC_PER_CHILD = 0.0075;
    private static final int YEARS_BEFORE_WINDOW = 4;
    /** Derives the care-plan stream from the seed apart from the child's main stream. */
    private static final long CARE_PLAN_SALT = 0x1AC9_CA7E_91A5L;

    private final long seed;
    /** Whether to write the returns' tables and real postcodes (issue 15); off reproduces the extract as it was. */
    private final boolean returnTables;
    private final Clock clock;
    private final Child.Context ctx;
    private final LocalDate firstBirth;
    private final ReferralStage referrals = new ReferralStage();

    ChildSimulator(GeneratorSettings settings, Child.Context ctx) {
        this(settings, ctx, true);
    }

    ChildSimulator(GeneratorSettings settings, Child.Context ctx, boolean returnTables) {
        this.returnTables = returnTables;
        this.seed = settings.seed();
        this.clock = ctx.clock();
        this.ctx = ctx;
        // Anyone aged 0-17 during the window, plus care leavers who were children up to 4 years before it.
        this.firstBirth = settings.asAt().minusYears(18L + settings.years() + YEARS_BEFORE_WINDOW);
    }

    /** Births spread evenly so that, at any date, about {@code children} people are aged 0-17. */
    static int cohortSize(GeneratorSettings s) {
        return (int) Math.round(s.children() * (18.0 + s.years() + YEARS_BEFORE_WINDOW) / 18.0);
    }

    void simulate(int index) {
        SplittableRandom rng = new SplittableRandom(seed ^ Pick.mix(index + 1L));
        LocalDate dob = Pick.dateBetween(rng, firstBirth, clock.asAt);
        String sex = Pick.weighted(rng, "M", 510, "F", 488, "U", 2);
        Child c = new Child(index, rng, dob, sex, ctx);
        c.planRng = new SplittableRandom(Pick.mix(seed ^ CARE_PLAN_SALT) ^ Pick.mix(index + 1L));
        c.homePostcode = Names.postcode(rng, Names.HOME_OUTWARD);
        if (returnTables) {
            // The invented postcode above is still drawn, so the main stream is unchanged; a real one replaces it.
            c.returns = new ReturnStreams(seed, index);
            c.home = PlacementSites.home(c);
            c.homePostcode = c.home.compact();
        }
        c.disabled = Pick.chance(rng, 0.025);
        if (Pick.chance(rng, UASC_PER_CHILD) && "M".equals(sex) || Pick.chance(rng, UASC_PER_CHILD * 0.1)) {
            LocalDate from = c.birthday(14);
            LocalDate to = c.birthday(18).minusDays(60);
            if (from.isBefore(to)) {
                c.uasc = true;
                c.arrival = Pick.dateBetween(rng, from, to);
            }
        }
        ChildBuffer buffer = ctx.buffer();
        buffer.clear();
        boolean everLookedAfter = false;
        LocalDate last = c.lastChildDay().isAfter(clock.asAt) ? clock.asAt : c.lastChildDay();
        LocalDate t = c.uasc ? c.arrival : dob;
        LocalDate forced = c.uasc ? c.arrival : null;

        while (!t.isAfter(last)) {
            int age = c.ageOn(t);
            double referral = c.uasc ? 0.01 : referralRate(age) * (c.cpPlans > 0 ? 4.0 : c.lastReferral != null ? 2.0 : 1.0) * (c.disabled ? 3 : 1);
            double contact = referral * 2.4;
            double earlyHelp = 0.011;
            LocalDate next = t.plusDays((long) Pick.exponentialDays(rng, referral + contact + earlyHelp));
            String event;
            if (forced != null && !forced.isAfter(next)) {
                next = forced.isBefore(t) ? t : forced;
                forced = null;
                event = "referral";
            } else {
                double x = rng.nextDouble() * (referral + contact + earlyHelp);
                event = x < referral ? "referral" : x < referral + contact ? "contact" : "earlyHelp";
            }
            if (next.isAfter(last)) {
                break;
            }
            if (event.equals("contact")) {
                if (!next.isBefore(clock.windowStart)) {
                    ContactStage.standalone(c, next);
                }
                t = next.plusDays(1);
                continue;
            }
            if (event.equals("earlyHelp")) {
                LocalDate end = earlyHelp(c, next);
                if (end == null) {
                    break;
                }
                t = end.plusDays(1);
                continue;
            }
            int mark = buffer.mark();
            ReferralStage.Result r = referrals.run(c, next, null);
            if (!clock.inWindow(r.close())) {
                buffer.discardFrom(mark);
            } else if (r.care() != null && r.care().ceasedReason() != null) {
                everLookedAfter = true;
            }
            CareStage.Result care = r.care();
            if (care != null && care.careLeaver()) {
                LeavingCareStage.run(c, care.end());
            }
            if (r.close() == null || (care != null && care.ceasedReason().startsWith("E1") && care.ceasedReason().length() == 3
                    && (care.ceasedReason().equals("E11") || care.ceasedReason().equals("E12")))) {
                break; // still open at the extract date, or adopted (a new person record would follow)
            }
            t = r.close().plusDays(1);
            if (r.earlyHelpFrom() != null && !r.earlyHelpFrom().isAfter(last)) {
                LocalDate end = earlyHelp(c, r.earlyHelpFrom());
                if (end == null) {
                    break;
                }
                t = end.plusDays(1);
            }
            if (Pick.chance(rng, REREFERRAL)) {
                LocalDate from = r.close().plusDays(7);
                LocalDate to = c.lastReferral.plusDays(364);
                forced = Pick.dateBetween(rng, from.isBefore(t) ? t : from, to.isAfter(from) ? to : from.plusDays(60));
            }
        }
        if (!buffer.isEmpty()) {
            PersonStage.write(c, everLookedAfter);
            if (c.returns != null) {
                IdentifierStage.write(c, everLookedAfter);
            }
            buffer.flush();
        }
    }

    private LocalDate earlyHelp(Child c, LocalDate start) {
        int mark = ctx.buffer().mark();
        LocalDate end = EarlyHelpStage.run(c, start);
        if (!clock.inWindow(end)) {
            ctx.buffer().discardFrom(mark);
        }
        return end;
    }

    /** Referrals per child-year by age: highest for babies, dipping in middle childhood, rising for teenagers. */
    private static double referralRate(int age) {
        double base = 0.029;
        if (age < 1) {
            return base * 1.7;
        }
        if (age < 5) {
            return base * 0.9;
        }
        if (age < 10) {
            return base * 0.85;
        }
        if (age < 16) {
            return base * 1.1;
        }
        return base * 0.95;
    }
}
