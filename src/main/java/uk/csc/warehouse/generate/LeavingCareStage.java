package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Care leaver records on or around the 17th-21st birthdays after leaving care, one row per birthday in the
 * history window, because the DfE care leaver measures are all taken at birthdays.
 */
final class LeavingCareStage {
    private LeavingCareStage() {}

    static void run(Child c, LocalDate ceased) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        Workforce.Worker pa = c.ctx.workforce().assign(Workforce.Service.LEAVING_CARE, ceased, rng);
        boolean engaged = Pick.chance(rng, 0.88);
        for (int age = 17; age <= 21; age++) {
            LocalDate birthday = c.birthday(age);
            if (!birthday.isAfter(ceased)) {
                continue;
            }
            if (!clock.happened(birthday)) {
                break;
            }
            if (birthday.isBefore(clock.windowStart)) {
                continue;
            }
            String inTouch = engaged ? (Pick.chance(rng, 0.96) ? "YES" : "NO")
                    : Pick.weighted(rng, "NO", 35, "REFU", 35, "NREQ", 25, "RHOM", 5);
            boolean touch = inTouch.equals("YES");
            String accommodation = !touch ? (Pick.chance(rng, 0.6) ? "R" : "B")
                    : age < 18 ? Pick.weighted(rng, "D", 45, "B", 20, "E", 10, "U", 10, "C", 10, "X", 5)
                    : Pick.weighted(rng, "U", 35, "D", 22, "Z", 18, "B", 12, "E", 5, "T", 3, "S", 2, "X", 2, "V", 1);
            boolean unsuitable = "SVWXR".contains(accommodation) || Pick.chance(rng, 0.05);
            String activity = !touch ? Pick.weighted(rng, "G5", 60, "F5", 20, "G6", 20)
                    : age < 19 ? Pick.weighted(rng, "F2", 55, "P2", 5, "F4", 6, "F5", 8, "G5", 18, "G4", 4, "G6", 4)
                    : Pick.weighted(rng, "F1", 14, "F2", 12, "F4", 6, "F5", 22, "P5", 10, "P1", 2, "G5", 22, "G4", 6, "G6", 6);
            LocalDate contact = touch ? birthday.minusDays(rng.nextInt(45)) : null;
            if (contact != null && contact.isBefore(ceased)) {
                contact = ceased;
            }
            LocalDate pathway = birthday.minusDays(rng.nextInt(180));
            c.emit("ssd_care_leavers").set("clea_table_id", c.nextId("CL")).set("clea_person_id", c.personId)
                    .set("clea_care_leaver_eligibility", age < 18 ? "Relevant" : "Former Relevant")
                    .set("clea_care_leaver_in_touch", inTouch)
                    .set("clea_care_leaver_latest_contact", contact)
                    .set("clea_care_leaver_accommodation", accommodation)
                    .set("clea_care_leaver_accom_suitable", touch ? (unsuitable ? "2" : "1") : "")
                    .set("clea_care_leaver_activity", activity)
                    .set("clea_pathway_plan_review_date", pathway.isBefore(ceased) ? ceased : pathway)
                    .set("clea_care_leaver_personal_advisor", pa.name())
                    .set("clea_care_leaver_allocated_team", pa.teamId())
                    .set("clea_care_leaver_worker_id", pa.id());
        }
    }
}
