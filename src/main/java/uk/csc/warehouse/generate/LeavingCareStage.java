package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Care leaver records from leaving care to the 22nd birthday. The pathway plan is reviewed at least every
 * six months (Care Leavers (England) Regulations 2010 reg 7); here the reviews fall around each birthday
 * and half-birthday, and each writes a record of the young person's status. The birthday ones are the
 * records the DfE care leaver measures read (SSDA903: information "around" the 17th-21st birthdays),
 * including the 18th birthday of a young person who leaves care that day. A few reviews run late.
 */
final class LeavingCareStage {
    private LeavingCareStage() {}

    static void run(Child c, LocalDate ceased) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        Workforce.Worker pa = c.ctx.workforce().assign(Workforce.Service.LEAVING_CARE, ceased, rng);
        boolean engaged = Pick.chance(rng, 0.95);
        // Staying put: about half of those leaving foster care on their 18th birthday stay on with their carers,
        // for one to three years.
        boolean fromFoster = ceased.equals(c.birthday(18)) && c.lastPlacementType != null && c.lastPlacementType.startsWith("U");
        LocalDate stayingPutUntil = fromFoster && Pick.chance(rng, 0.5) ? ceased.plusDays(Pick.between(rng, 365, 3 * 365)) : null;
        // Records before the window are history the extract no longer carries, except the last six months'
        // worth, which the 6-monthly pathway review measure looks back over.
        LocalDate from = clock.windowStart.minusMonths(6);
        for (int halfYears = 32; halfYears <= 43; halfYears++) {
            LocalDate anchor = c.dob.plusMonths(6L * halfYears);
            if (anchor.isBefore(ceased)) {
                continue;
            }
            boolean birthday = halfYears % 2 == 0;
            int age = halfYears / 2;
            LocalDate held = Pick.chance(rng, 0.15) ? anchor.plusDays(Pick.between(rng, 1, birthday ? 28 : 60))
                    : anchor.minusDays(Pick.between(rng, 0, 21));
            held = c.ctx.workingDays().onOrBefore(held);
            if (held.isBefore(ceased)) {
                held = c.ctx.workingDays().onOrAfter(ceased);
            }
            if (!clock.happened(held)) {
                break;
            }
            if (held.isBefore(from)) {
                continue;
            }
            String inTouch = engaged ? (Pick.chance(rng, 0.98) ? "YES" : "NO")
                    : Pick.weighted(rng, "NO", 35, "REFU", 35, "NREQ", 25, "RHOM", 5);
            boolean touch = inTouch.equals("YES");
            String accommodation = !touch ? (Pick.chance(rng, 0.6) ? "R" : "B")
                    : stayingPutUntil != null && held.isBefore(stayingPutUntil) ? "Z"
                    : age < 18 ? Pick.weighted(rng, "D", 45, "B", 20, "E", 10, "U", 10, "C", 10, "X", 3, "T", 2)
                    : Pick.weighted(rng, "U", 44, "D", 26, "B", 14, "E", 6, "T", 4, "S", 1, "X", 1, "V", 1, "C", 1);
            boolean unsuitable = "SVWXR".contains(accommodation) || Pick.chance(rng, 0.02);
            String activity = !touch ? Pick.weighted(rng, "G5", 60, "F5", 20, "G6", 20)
                    : age < 19 ? Pick.weighted(rng, "F2", 48, "P2", 5, "F4", 6, "F5", 8, "G5", 25, "G4", 4, "G6", 4)
                    : Pick.weighted(rng, "F1", 14, "F2", 12, "F4", 7, "F5", 24, "P5", 10, "P1", 2, "G5", 19, "G4", 6, "G6", 6);
            c.emit("ssd_care_leavers").set("clea_table_id", c.nextId("CL")).set("clea_person_id", c.personId)
                    .set("clea_care_leaver_eligibility", age < 18 ? "Relevant" : "Former Relevant")
                    .set("clea_care_leaver_in_touch", inTouch)
                    .set("clea_care_leaver_latest_contact", touch ? held : null)
                    .set("clea_care_leaver_accommodation", accommodation)
                    .set("clea_care_leaver_accom_suitable", touch ? (unsuitable ? "2" : "1") : "")
                    .set("clea_care_leaver_activity", activity)
                    // Reviewed in the young person's absence when not in touch.
                    .set("clea_pathway_plan_review_date", held)
                    .set("clea_care_leaver_personal_advisor", pa.name())
                    .set("clea_care_leaver_allocated_team", pa.teamId())
                    .set("clea_care_leaver_worker_id", pa.id());
        }
    }
}
