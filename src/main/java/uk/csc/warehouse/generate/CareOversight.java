package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** The statutory rhythm around a looked-after child: reviews, social worker visits and health checks. */
final class CareOversight {

    /** Writes the period's reviews, visits and health checks; returns the latest review date, if any. */
    LocalDate run(Child c, String claId, LocalDate start, LocalDate end) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        WorkingDays wd = c.ctx.workingDays();
        LocalDate limit = end.isAfter(clock.asAt) ? clock.asAt : end;

        // Care Planning Regulations 2010 reg 33: 20 working days, then 3 months, then every 6 months.
        LocalDate due = wd.plus(start, 20);
        LocalDate lastHeld = null;
        int n = 0;
        while (!due.isAfter(limit)) {
            if (Pick.chance(rng, 0.02)) {
                c.emit("ssd_cla_reviews").set("clar_cla_review_id", c.nextId("LR")).set("clar_cla_id", claId)
                        .set("clar_cla_review_due_date", due).set("clar_cla_review_cancelled", true);
            }
            // Reviews, visits and health checks happen on working days.
            LocalDate held = Pick.chance(rng, 0.08) ? wd.onOrAfter(due.plusDays(Pick.between(rng, 1, 25)))
                    : wd.onOrBefore(due.minusDays(Pick.between(rng, 0, n == 0 ? 5 : 14)));
            if (held.isBefore(start)) {
                held = start;
            }
            if (held.isAfter(limit)) {
                break;
            }
            c.emit("ssd_cla_reviews").set("clar_cla_review_id", c.nextId("LR")).set("clar_cla_id", claId)
                    .set("clar_cla_review_due_date", due).set("clar_cla_review_date", held)
                    .set("clar_cla_review_cancelled", false)
                    .set("clar_cla_review_participation", Codes.participation(rng, c.ageOn(held)));
            lastHeld = held;
            due = held.plusMonths(n == 0 ? 3 : 6);
            n++;
        }

        LocalDate visit = wd.onOrAfter(start.plusDays(Pick.between(rng, 1, 7)));
        while (!visit.isAfter(limit)) {
            boolean seen = Pick.chance(rng, 0.95);
            c.emit("ssd_cla_visits").set("clav_cla_visit_id", c.nextId("LV")).set("clav_cla_id", claId)
                    .set("clav_person_id", c.personId).set("clav_cla_visit_date", visit)
                    .set("clav_cla_visit_seen", seen)
                    .set("clav_cla_visit_seen_alone", seen && c.ageOn(visit) >= 4 && Pick.chance(rng, 0.75));
            visit = wd.onOrAfter(visit.plusDays(Pick.between(rng, 35, 47)));
        }

        LocalDate check = wd.onOrAfter(start.plusDays(Pick.between(rng, 14, 28)));
        while (!check.isAfter(limit)) {
            health(c, "Health Assessment", check);
            check = wd.onOrBefore(check.plusMonths(c.ageOn(check) < 5 ? 6 : 12).minusDays(Pick.between(rng, 0, 20)));
        }
        LocalDate dental = wd.onOrAfter(start.plusDays(Pick.between(rng, 60, 150)));
        while (!dental.isAfter(limit) && c.ageOn(dental) >= 1) {
            health(c, "Dental Check", dental);
            dental = wd.onOrBefore(dental.plusMonths(12).minusDays(Pick.between(rng, 0, 30)));
        }
        return lastHeld;
    }

    private static void health(Child c, String type, LocalDate date) {
        c.emit("ssd_cla_health").set("clah_health_check_id", c.nextId("H")).set("clah_person_id", c.personId)
                .set("clah_health_check_type", type).set("clah_health_check_date", date)
                .set("clah_health_check_status", Pick.weighted(c.rng, "Completed", 92, "Refused", 5, "Cancelled", 3));
    }
}
