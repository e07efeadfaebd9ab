package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Adoption milestones, and the order date for children leaving care to special guardians or under a CAO. */
final class PermanenceStage {
    private PermanenceStage() {}

    static void run(Child c, String claId, LocalDate start, LocalDate end, String exit, String ceased,
                    LocalDate placementOrder, LocalDate placed, boolean byCarer, LocalDate fosterStart) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        String type = switch (exit) {
            case "ADOPT" -> "Adoption";
            case "SGO" -> "Special Guardianship";
            case "CAO" -> "Child Arrangements Order/ Residence Order";
            default -> null;
        };
        if (type == null) {
            return;
        }
        LocalDate adm = exit.equals("ADOPT") ? placementOrder.minusDays(Pick.between(rng, 60, 150)) : null;
        if (adm != null && adm.isBefore(start)) {
            adm = start.plusDays(1);
        }
        if (adm != null ? !clock.happened(adm) : !clock.happened(end)) {
            return;
        }
        TableWriter.Row r = c.emit("ssd_permanence").set("perm_table_id", c.nextId("PM")).set("perm_person_id", c.personId)
                .set("perm_cla_id", claId)
                .set("perm_permanence_order_date", clock.endOrOpen(end))
                .set("perm_permanence_order_type", clock.happened(end) ? type : "");
        if (exit.equals("ADOPT")) {
            LocalDate matched = placed.minusDays(Pick.between(rng, 7, 40));
            if (matched.isBefore(placementOrder)) {
                matched = placementOrder; // matched with the current foster carers the day the order is made
            }
            boolean siblings = Pick.chance(rng, 0.3);
            String adopters = Pick.weighted(rng, "MF", 70, "F1", 12, "FF", 8, "MM", 8, "M1", 2);
            r.set("perm_adm_decision_date", adm)
                    .set("perm_placement_order_date", clock.endOrOpen(placementOrder))
                    .set("perm_matched_date", clock.endOrOpen(matched))
                    .set("perm_placed_for_adoption_date", clock.endOrOpen(placed))
                    .set("perm_adopted_by_carer_flag", byCarer)
                    .set("perm_placed_foster_carer_date", byCarer ? clock.endOrOpen(fosterStart) : null)
                    .set("perm_part_of_sibling_group", siblings)
                    .set("perm_siblings_placed_together", siblings ? Pick.between(rng, 2, 3) : 1)
                    .set("perm_siblings_placed_apart", siblings ? rng.nextInt(2) : 0)
                    .set("perm_placement_provider_urn", "XXXXXXX")
                    .set("perm_adoption_worker_id", c.ctx.workforce().assign(Workforce.Service.ADOPTION, placed, rng).id())
                    .set("perm_adopter_sex", adopters)
                    .set("perm_adopter_legal_status", adopters.length() == 2 && adopters.charAt(1) != '1'
                            ? ("MF".equals(adopters) ? Pick.weighted(rng, "L11", 80, "L3", 20) : Pick.weighted(rng, "L12", 60, "L2", 25, "L4", 15))
                            : "L0")
                    .set("perm_number_of_adopters", adopters.endsWith("1") ? "1" : "2");
        }
    }
}
