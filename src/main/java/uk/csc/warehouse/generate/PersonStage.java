package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The person-level tables, written once a child's journey shows they belong in the extract: the person,
 * their home address, disabilities, immigration status and, for young mothers, their baby.
 */
final class PersonStage {
    private PersonStage() {}

    static void write(Child c, boolean everLookedAfter) {
        SplittableRandom rng = c.rng;
        Clock clock = c.ctx.clock();
        String forename = Names.forename(rng, c.sex);
        String surname = Names.surname(rng);
        boolean mother = "F".equals(c.sex) && !c.birthday(16).isAfter(clock.asAt) && Pick.chance(rng, everLookedAfter ? 0.08 : 0.015);
        LocalDate babyDob = mother ? Pick.dateBetween(rng, c.birthday(15), min(c.birthday(21), clock.asAt)) : null;
        String upnUnknown = upnUnknown(c, everLookedAfter);
        // Sex unknown (U) stays only on records of children never looked after: a child in care is seen by their
        // social worker every few weeks and the record says who they are (SSDA903 rule 232 queries U). The boy's
        // forename drawn for U goes with M.
        String sex = "U".equals(c.sex) && everLookedAfter ? "M" : c.sex;
        c.emit("ssd_person").set("pers_person_id", c.personId).set("pers_forename", forename).set("pers_surname", surname)
                .set("pers_sex", sex).set("pers_gender", "F".equals(sex) ? "02" : "M".equals(sex) ? "01" : "00")
                .set("pers_ethnicity", c.uasc ? Pick.weighted(rng, "BAFR", 45, "AOTH", 30, "OOTH", 15, "WOTH", 10) : Codes.ethnicity(rng))
                .set("pers_dob", c.dob)
                .set("pers_common_child_id", String.format("999%07d", c.index % 10_000_000))
                .set("pers_legacy_id", String.format("LG%08d", c.index))
                .set("pers_upn_unknown", upnUnknown)
                .set("pers_send_flag", c.disabled || Pick.chance(rng, 0.06))
                .set("pers_is_mother", mother)
                .set("pers_nationality", c.uasc ? Pick.one(rng, Names.NATIONALITIES) : "");
        LocalDate moveIn = c.uasc ? c.arrival : c.dob;
        c.emit("ssd_address").set("addr_table_id", c.nextId("AD")).set("addr_person_id", c.personId)
                .set("addr_address_json", Codes.json("ROOM", "", "FLOOR", "", "FLAT", rng.nextInt(3) == 0 ? String.valueOf(1 + rng.nextInt(40)) : "",
                        "BUILDING", "", "HOUSE", String.valueOf(1 + rng.nextInt(120)), "STREET", Pick.one(rng, Names.STREETS),
                        "TOWN", "London", "UPRN", "", "EASTING", "", "NORTHING", ""))
                .set("addr_address_type", "Primary Address").set("addr_address_start_date", moveIn)
                .set("addr_address_postcode", c.homePostcode);
        if (c.disabled) {
            int n = 1 + rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                c.emit("ssd_disability").set("disa_person_id", c.personId).set("disa_table_id", c.nextId("DI"))
                        .set("disa_disability_code", Pick.weighted(rng, "AUT", 30, "LD", 25, "BEH", 12, "COMM", 10, "MOB", 8,
                                "PC", 5, "HEAR", 3, "VIS", 3, "CON", 2, "DDA", 2));
            }
        }
        if (c.uasc) {
            LocalDate decided = c.arrival.plusDays(Pick.between(rng, 200, 700));
            boolean granted = clock.happened(decided);
            c.emit("ssd_immigration_status").set("immi_person_id", c.personId).set("immi_immigration_status_id", c.nextId("IM"))
                    .set("immi_immigration_status", "Unaccompanied Asylum Seeking Child")
                    .set("immi_immigration_status_start_date", c.arrival)
                    .set("immi_immigration_status_end_date", granted ? decided : null);
            if (granted) {
                c.emit("ssd_immigration_status").set("immi_person_id", c.personId).set("immi_immigration_status_id", c.nextId("IM"))
                        .set("immi_immigration_status", Pick.weighted(rng, "Refugee Status", 70, "Discretionary Leave to Remain in the UK to 18 (DLR)", 20,
                                "Indefinite Leave to Remain in the UK (ILR)", 10))
                        .set("immi_immigration_status_start_date", decided);
            }
        }
        if (mother) {
            String babyId = c.personId + "B";
            String babySex = rng.nextBoolean() ? "F" : "M";
            c.emit("ssd_person").set("pers_person_id", babyId).set("pers_forename", Names.forename(rng, babySex))
                    .set("pers_surname", surname).set("pers_sex", babySex).set("pers_gender", "F".equals(babySex) ? "02" : "01")
                    .set("pers_ethnicity", "NOBT").set("pers_dob", babyDob).set("pers_upn_unknown", "UN1")
                    .set("pers_send_flag", false).set("pers_is_mother", false);
            c.emit("ssd_mother").set("moth_table_id", c.nextId("MO")).set("moth_person_id", c.personId)
                    .set("moth_childs_person_id", babyId).set("moth_childs_dob", babyDob);
        }
    }

    /** DfE UPN-unknown code: UN2 never attended school in England (UASC), UN1 a young child not yet at school. */
    static String upnUnknown(Child c, boolean everLookedAfter) {
        return c.uasc ? "UN2" : everLookedAfter && c.ageOn(c.ctx.clock().asAt) < 5 ? "UN1" : "";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
