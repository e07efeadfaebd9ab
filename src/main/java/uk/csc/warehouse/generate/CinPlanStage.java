package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** A child in need plan and its visits; returns the plan end, or null while it is still open. */
final class CinPlanStage {

    LocalDate run(Child c, String refId, LocalDate start) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        LocalDate end = c.cap(start.plusDays(Pick.between(rng, 90, 400)));
        if (!end.isAfter(start)) {
            // The child turns 18 the day the plan would start: no plan is made (a plan starting and ending the same
            // day is DfE CIN query 4012Q); the episode closes that day.
            return c.ctx.clock().endOrOpen(start);
        }
        LocalDate recorded = clock.endOrOpen(end);
        Workforce.Worker w = c.lastWorker;
        c.emit("ssd_cin_plans").set("cinp_cin_plan_id", c.nextId("CN")).set("cinp_referral_id", refId)
                .set("cinp_person_id", c.personId).set("cinp_cin_plan_start_date", start)
                .set("cinp_cin_plan_end_date", recorded).set("cinp_cin_plan_team", w.teamId())
                .set("cinp_cin_plan_worker_id", w.id());
        WorkingDays wd = c.ctx.workingDays();
        LocalDate visit = wd.onOrAfter(start.plusDays(Pick.between(rng, 5, 20)));
        while (!visit.isAfter(end) && clock.happened(visit)) {
            boolean seen = Pick.chance(rng, 0.9);
            c.emit("ssd_cin_visits").set("cinv_cin_visit_id", c.nextId("V")).set("cinv_person_id", c.personId)
                    .set("cinv_cin_visit_date", visit).set("cinv_cin_visit_seen", seen)
                    .set("cinv_cin_visit_seen_alone", seen && c.ageOn(visit) >= 4 && Pick.chance(rng, 0.6))
                    .set("cinv_cin_visit_bedroom", seen && Pick.chance(rng, 0.4));
            visit = wd.onOrAfter(visit.plusDays(Pick.between(rng, 28, 54)));
        }
        return recorded;
    }
}
