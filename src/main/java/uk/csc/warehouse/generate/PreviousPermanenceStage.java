package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Previous permanence (ssd_cla_previous_permanence; SSDA903 PrevPerm), one record for every period of care
 * (DfE: "completed for all children who start to be looked after"). A child whose earlier period of care here
 * ended with a special guardianship order (E45-E48) or a child arrangements order (E41) answers P2 / P3 with that
 * order's date; otherwise about 5% of children coming into care for the first time had left another authority's
 * care through adoption, an SGO or a CAO (DfE: about 4-5% of starters), the rest Z1. The order date is sometimes
 * only part known (zz/05/2020, zz/zz/2021, zz/zz/zzzz as SSDA903 allows). P4 (not known) is not generated: the
 * SSDA903 validator (rule 630) then still wants an authority and a date, which the SSD would hold as text.
 */
final class PreviousPermanenceStage {
    /** Authorities' names as DfE spells them (LAIT area names), so a return can look their LA numbers up. */
    static final String OWN_LA_NAME = "Southwark";
    private static final String[] OTHER_LA_NAMES = {"Lambeth", "Lewisham", "Croydon", "Bromley", "Greenwich", "Kent", "Essex",
        "Birmingham", "Medway", "Hertfordshire", "Manchester", "Lancashire"};
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final double ELSEWHERE = 0.05;

    private PreviousPermanenceStage() {}

    static void run(Child c, String claId, LocalDate start, LocalDate end, String ceased) {
        SplittableRandom rng = c.returns.previousPermanence;
        Clock clock = c.ctx.clock();
        ReturnStreams state = c.returns;
        String option = "Z1";
        String la = "";
        String date = "";
        if (state.lastCeasedReason != null && state.lastCeasedReason.matches("E4[15678]")) {
            option = state.lastCeasedReason.equals("E41") ? "P3" : "P2";
            la = OWN_LA_NAME;
            date = state.lastCeasedDate.format(DMY);
        } else if (state.lastCeasedReason == null && c.ageOn(start) >= 2 && Pick.chance(rng, ELSEWHERE)) {
            option = Pick.weighted(rng, "P1", 30, "P2", 45, "P3", 25);
            la = Pick.one(rng, OTHER_LA_NAMES);
            date = partlyKnown(rng, Pick.dateBetween(rng, c.birthday(1), start.minusDays(180)), start);
        }
        if (clock.happened(start) && start.isBefore(end)) { // as the period's episodes are written
            c.emit("ssd_cla_previous_permanence").set("lapp_table_id", claId + "-PP").set("lapp_person_id", c.personId)
                    .set("lapp_previous_permanence_option", option).set("lapp_previous_permanence_la", la)
                    .set("lapp_previous_permanence_order_date", date);
        }
        if (clock.happened(end) && ceased != null && !ceased.isEmpty()) {
            state.lastCeasedReason = ceased;
            state.lastCeasedDate = end;
        }
    }

    /**
     * SSDA903: unknown parts of the date as zz. Only the year is known only when the whole year was over before
     * care started: the validator reads a part-known date as its latest possible day, which must precede the
     * start (rule 632).
     */
    static String partlyKnown(SplittableRandom rng, LocalDate d, LocalDate careStart) {
        String full = d.format(DMY);
        String form = Pick.weighted(rng, "full", 80, "month", 12, "year", 6, "none", 2);
        if (form.equals("year") && d.getYear() >= careStart.getYear()) {
            form = "month";
        }
        return switch (form) {
            case "month" -> "zz" + full.substring(2);
            case "year" -> "zz/zz" + full.substring(5);
            case "none" -> "zz/zz/zzzz";
            default -> full;
        };
    }
}
