package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Contacts to the front door: the one that becomes a referral, and the many that do not. */
final class ContactStage {
    private ContactStage() {}

    static void referralContact(Child c, LocalDate refDate, String[] source) {
        LocalDate date = refDate.minusDays(c.rng.nextInt(3));
        write(c, date, source, Codes.json("NEW_REFERRAL_FLAG", true, "EXISTING_REFERRAL_FLAG", false,
                "CP_ENQUIRY_FLAG", false, "NFA_FLAG", false, "NON_AGENCY_ADOPTION_FLAG", false,
                "PRIVATE_FOSTERING_FLAG", false, "ADVICE_FLAG", false, "MISSING_FLAG", false, "OLA_CP_FLAG", false,
                "OTHER_OUTCOMES_EXIST_FLAG", false));
    }

    /** A contact that ends at the front door with advice, signposting or no further action. */
    static void standalone(Child c, LocalDate date) {
        SplittableRandom rng = c.rng;
        String outcome = Pick.weighted(rng, "NFA", 55, "ADVICE", 35, "MISSING", 5, "OTHER", 5);
        write(c, date, Codes.referralSource(rng), Codes.json("NEW_REFERRAL_FLAG", false, "EXISTING_REFERRAL_FLAG", false,
                "CP_ENQUIRY_FLAG", false, "NFA_FLAG", outcome.equals("NFA"), "NON_AGENCY_ADOPTION_FLAG", false,
                "PRIVATE_FOSTERING_FLAG", false, "ADVICE_FLAG", outcome.equals("ADVICE"),
                "MISSING_FLAG", outcome.equals("MISSING"), "OLA_CP_FLAG", false,
                "OTHER_OUTCOMES_EXIST_FLAG", outcome.equals("OTHER")));
    }

    private static void write(Child c, LocalDate date, String[] source, String outcome) {
        c.emit("ssd_contacts").set("cont_contact_id", c.nextId("C")).set("cont_person_id", c.personId)
                .set("cont_contact_date", date).set("cont_contact_source_code", source[0])
                .set("cont_contact_source_desc", source[1]).set("cont_contact_outcome_json", outcome);
    }
}
