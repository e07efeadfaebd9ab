package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The permanence plan in a looked-after child's care plan (SSD ssd_cla_care_plan), consistent with how the
 * period of care ends: adoption (often by concurrent planning first) for children later adopted, kinship for
 * special guardianship and child arrangements orders, a return home for those who go home, long-term foster
 * care, residential care or supported living for those who stay to 18. No plan is agreed in the first weeks
 * (the SSD leaves it blank then); a few periods of care have no plan recorded at all.
 *
 * <p>Draws come from the child's own plan stream ({@link Child#planRng}), never the child's main stream, and
 * ids are built from the period-of-care id rather than the child's id sequence, so adding this table left
 * every other table's bytes as they were.
 */
final class CarePlanStage {
    /** SSD LACP003A keys, in the SSD's order: every key is written, a chosen one holds "Y". */
    static final String[] CODES = {"REMAINSUP", "RETURN1M", "RETURN6M", "RETURNEV", "LTRELFR", "LTFOST18", "RESPLMT",
            "SUPPLIV", "ADOPTION", "OTHERPLN"};
    private static final double NOT_RECORDED = 0.06;

    private CarePlanStage() {}

    private record Plan(LocalDate from, List<String> codes) {}

    static void run(Child c, String claId, LocalDate start, LocalDate end, String exit, LocalDate placementOrder) {
        SplittableRandom rng = c.planRng;
        Clock clock = c.ctx.clock();
        if (Pick.chance(rng, NOT_RECORDED)) {
            return;
        }
        int age = c.ageOn(start);
        // First plan agreed at a review in the first months (statutory guidance: by the second review).
        LocalDate first = start.plusDays(Pick.between(rng, 20, 125));
        List<Plan> plans = new ArrayList<>();
        switch (exit) {
            case "ADOPT" -> {
                LocalDate adoption = placementOrder.minusDays(Pick.between(rng, 90, 200));
                if (Pick.chance(rng, 0.5) || !adoption.isAfter(first)) {
                    // Concurrent planning: return home and adoption pursued together until adoption is chosen.
                    plans.add(new Plan(first, List.of(Pick.weighted(rng, "RETURNEV", 60, "RETURN6M", 40), "ADOPTION")));
                } else {
                    plans.add(new Plan(first, List.of(Pick.weighted(rng, "RETURN6M", 55, "RETURNEV", 30, "LTRELFR", 15))));
                }
                plans.add(new Plan(adoption.isAfter(first) ? adoption : first.plusDays(1), List.of("ADOPTION")));
            }
            case "SGO", "CAO" -> {
                if (Pick.chance(rng, 0.35)) {
                    plans.add(new Plan(first, List.of(Pick.weighted(rng, "RETURN6M", 60, "RETURNEV", 40))));
                    plans.add(new Plan(first.plusDays(Pick.between(rng, 60, 180)), List.of("LTRELFR")));
                } else {
                    plans.add(new Plan(first, List.of(Pick.weighted(rng, "LTRELFR", 85, "OTHERPLN", 15))));
                }
            }
            case "HOME" -> plans.add(new Plan(first, List.of(c.disabled
                    ? Pick.weighted(rng, "REMAINSUP", 60, "RETURN6M", 40)
                    : Pick.weighted(rng, "RETURN1M", 35, "RETURN6M", 50, "RETURNEV", 10, "REMAINSUP", 5))));
            case "E13", "E3" -> plans.add(new Plan(first, List.of(
                    Pick.weighted(rng, "RETURN6M", 40, "RETURNEV", 20, "LTFOST18", 25, "OTHERPLN", 15))));
            default -> {
                // Looked after to 18 (or remanded): long-term care, towards independence for older children.
                String plan = c.uasc ? Pick.weighted(rng, "SUPPLIV", 65, "LTFOST18", 30, "OTHERPLN", 5)
                        : c.disabled ? Pick.weighted(rng, "RESPLMT", 50, "LTFOST18", 40, "OTHERPLN", 10)
                        : age < 13 ? Pick.weighted(rng, "LTFOST18", 80, "LTRELFR", 12, "RESPLMT", 3, "OTHERPLN", 5)
                        : Pick.weighted(rng, "LTFOST18", 45, "SUPPLIV", 30, "RESPLMT", 15, "OTHERPLN", 10);
                plans.add(new Plan(first, List.of(plan)));
                LocalDate sixteenHalf = c.birthday(16).plusMonths(6);
                if (plan.equals("LTFOST18") && sixteenHalf.isAfter(first) && Pick.chance(rng, 0.3)) {
                    plans.add(new Plan(sixteenHalf, List.of("SUPPLIV")));
                }
            }
        }
        int n = 0;
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            if (!p.from().isBefore(end) || !clock.happened(p.from())) {
                break;
            }
            LocalDate to = i + 1 < plans.size() && plans.get(i + 1).from().isBefore(end) ? plans.get(i + 1).from() : end;
            c.emit("ssd_cla_care_plan").set("lacp_table_id", claId + "-CP" + (++n)).set("lacp_person_id", c.personId)
                    .set("lacp_cla_care_plan_start_date", p.from())
                    .set("lacp_cla_care_plan_end_date", clock.endOrOpen(to))
                    .set("lacp_cla_care_plan_json", json(p.codes()));
        }
    }

    /** The SSD's form: every key present, the chosen ones "Y", the rest blank. */
    static String json(List<String> chosen) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < CODES.length; i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(CODES[i]).append("\": \"")
                    .append(chosen.contains(CODES[i]) ? "Y" : "").append('"');
        }
        return s.append('}').toString();
    }
}
