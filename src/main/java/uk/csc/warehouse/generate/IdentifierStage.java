package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The child's Unique Pupil Number (ssd_linked_identifiers), issued when they started school: the September after
 * their fourth birthday, by the authority where they started (mostly this one; some children moved in). Children
 * not yet at school have none; nor do those ssd_person gives a UPN-unknown code (UN1 for young looked-after
 * children, UN2 for unaccompanied asylum-seeking children), so a child has a UPN or a code, never both.
 * Serials come from the child's index, so no two children share a UPN (CIN census rule 1520).
 */
final class IdentifierStage {
    /** DfE LA number of the demo authority (Southwark) and of authorities some children started school in. */
    static final int OWN_LA_NUMBER = 210;
    private static final int[] OTHER_LA_NUMBERS = {208, 209, 306, 305, 203, 886, 881, 330};
    private static final double STARTED_SCHOOL_ELSEWHERE = 0.12;

    private IdentifierStage() {}

    static void write(Child c, boolean everLookedAfter) {
        if (!PersonStage.upnUnknown(c, everLookedAfter).isEmpty()) {
            return;
        }
        LocalDate schoolStart = schoolStart(c.dob);
        if (!c.ctx.clock().happened(schoolStart)) {
            return;
        }
        SplittableRandom rng = c.returns.identifiers;
        int la = Pick.chance(rng, STARTED_SCHOOL_ELSEWHERE) ? OTHER_LA_NUMBERS[rng.nextInt(OTHER_LA_NUMBERS.length)] : OWN_LA_NUMBER;
        int establishment = 1000 + (c.index / 1000) % 9000;
        String upn = PupilNumbers.upn(la, establishment, schoolStart.getYear(), c.index % 1000);
        c.emit("ssd_linked_identifiers").set("link_table_id", "LI" + c.personId.substring(1) + "-1")
                .set("link_person_id", c.personId).set("link_identifier_type", "Unique Pupil Number")
                .set("link_identifier_value", upn).set("link_valid_from_date", schoolStart);
    }

    /** Reception starts on 1 September for children born 1 September to 31 August five and four years before. */
    static LocalDate schoolStart(LocalDate dob) {
        return LocalDate.of(dob.getYear() + (dob.getMonthValue() >= 9 ? 5 : 4), 9, 1);
    }
}
