package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** One simulated child: who they are, their own random stream, and what their history has been so far. */
final class Child {
    final int index;
    final String personId;
    final SplittableRandom rng;
    /** A second stream for the care plan only (CarePlanStage), so adding it never shifted the main stream's draws. */
    SplittableRandom planRng;
    /** Streams of the tables and values added for the statutory returns; null when generating without them. */
    ReturnStreams returns;
    /** The home postcode from the real-postcode pool (with {@link #returns}), for placement distances. */
    PostcodePool.Postcode home;
    final LocalDate dob;
    final String sex;
    final Context ctx;

    /** Unaccompanied asylum-seeking child: arrives in the borough aged 14-17 rather than living here from birth. */
    boolean uasc;
    LocalDate arrival;
    boolean disabled;
    int cpPlans;
    LocalDate lastReferral;
    boolean adopted;
    String homePostcode;
    /** Placement type the child last lived in when a period of care ended (for staying put with foster carers). */
    String lastPlacementType;
    /** Days looked after since the 14th birthday over all periods of care so far (short breaks aside). */
    long careDaysSince14;

    private int idSequence;
    private TableWriter.Row openInvolvement;

    /** Shared, read-only services every stage needs. */
    record Context(Clock clock, WorkingDays workingDays, Workforce workforce, OutputTables out, ChildBuffer buffer) {}

    Child(int index, SplittableRandom rng, LocalDate dob, String sex, Context ctx) {
        this.index = index;
        this.personId = String.format("P%07d", index);
        this.rng = rng;
        this.dob = dob;
        this.sex = sex;
        this.ctx = ctx;
    }

    /** Ids embed the person number so chunks generated in parallel never collide. */
    String nextId(String prefix) {
        return prefix + personId.substring(1) + "-" + (++idSequence);
    }

    TableWriter.Row emit(String table) {
        TableWriter.Row r = ctx.out().row(table);
        ctx.buffer().add(r);
        return r;
    }

    LocalDate birthday(int age) {
        return dob.plusYears(age);
    }

    int ageOn(LocalDate d) {
        return (int) ChronoUnit.YEARS.between(dob, d);
    }

    /** Last day the child can be open to children's services as a child. */
    LocalDate lastChildDay() {
        return birthday(18).minusDays(1);
    }

    LocalDate cap(LocalDate d) {
        LocalDate last = lastChildDay();
        return d.isAfter(last) ? last : d;
    }

    /** Hands the case to a new worker, ending the previous allocation the same day. */
    void allocate(Workforce.Service service, LocalDate from, String referralId, String reason) {
        endAllocation(from);
        Workforce.Worker w = ctx.workforce().assign(service, from, rng);
        openInvolvement = emit("ssd_involvements").set("invo_involvements_id", nextId("I"))
                .set("invo_professional_id", w.id())
                .set("invo_professional_role_id", "Allocated Case Worker")
                .set("invo_professional_team", w.teamId())
                .set("invo_involvement_start_date", from)
                .set("invo_worker_change_reason", reason)
                .set("invo_person_id", personId)
                .set("invo_referral_id", referralId);
        lastWorker = w;
    }

    Workforce.Worker lastWorker;

    void endAllocation(LocalDate end) {
        if (openInvolvement != null) {
            openInvolvement.set("invo_involvement_end_date", ctx.clock().endOrOpen(end));
            openInvolvement = null;
        }
    }

    void forgetAllocation() {
        openInvolvement = null;
    }
}
