package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The staging models of the tables added for the statutory returns (issue 15) on a generated authority (4,000
 * children, 5 years), loaded and built for real, with a few hand-written rows appended to the generated extracts
 * for the cases the generator does not produce: a UPN with the wrong check letter, a temporary UPN, an identifier
 * that is not a UPN, and previous permanence dates only partly known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnTablesStagingTest {
    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);
    private TestAuthority authority;
    private Path inbox;
    /** Data rows of each new table's extract, counted before the load archives the files. */
    private final Map<String, Long> rowsSent = new java.util.HashMap<>();
    private long scoresSent;
    private long immunisedSent;

    @BeforeAll
    void loadAndBuild(@TempDir Path root) throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(4_000, 5, 21L, AS_AT, null), root);
        inbox = root.resolve("inbox/case");
        String person = Files.readAllLines(inbox.resolve("ssd_person.csv")).get(1).split(",")[0];
        String upn = Files.readAllLines(inbox.resolve("ssd_linked_identifiers.csv")).get(1).split(",")[3];
        String wrongLetter = (upn.charAt(0) == 'A' ? "B" : "A") + upn.substring(1);
        // Temporary UPN: character 13 a letter, counted as its place in the check alphabet (A = 0): "N" = 12.
        String twelve = "21010001300N";
        String temporary = checkLetter(twelve) + twelve;
        append("ssd_linked_identifiers.csv",
                "HX1," + person + ",UPN," + wrongLetter.substring(0, 4) + " " + wrongLetter.substring(4) + ",2015-09-01,",
                "HX2," + person + ",Former Unique Pupil Number," + temporary.toLowerCase() + ",2014-09-01,2015-08-31",
                "HX3," + person + ",NHS Number,9990000001,,",
                "HX4," + person + ",Unique Pupil Number,not known,,");
        append("ssd_cla_previous_permanence.csv",
                "PX1," + person + ",P2,Lambeth,zz/05/2020",
                "PX2," + person + ",P3,Kent,zz/zz/2021",
                "PX3," + person + ",P1,Essex,zz/zz/zzzz",
                "PX4," + person + ",P2,Croydon,2019-02-14",
                "PX5," + person + ",P2,Croydon,14/02/2019");
        for (String table : List.of("linked_identifiers", "sdq_scores", "cla_convictions", "cla_immunisations",
                "cla_substance_misuse", "cla_previous_permanence")) {
            rowsSent.put(table, Files.readAllLines(inbox.resolve("ssd_" + table + ".csv")).size() - 1L);
        }
        scoresSent = Files.readAllLines(inbox.resolve("ssd_sdq_scores.csv")).stream().skip(1).filter(l -> !l.endsWith(",")).count();
        immunisedSent = Files.readAllLines(inbox.resolve("ssd_cla_immunisations.csv")).stream().filter(l -> l.contains(",Y,")).count();
        authority = TestAuthority.at(root);
        authority.load();
        authority.build();
    }

    @Test
    void everyRowLoadsAndTheBuildsDataTestsPass() throws Exception {
        for (String table : rowsSent.keySet()) {
            long rows = rowsSent.get(table);
            assertTrue(rows > 0, table);
            assertEquals(rows, authority.one("select count(*) n from staging.stg_case__" + table).get("n"), table);
        }
        assertEquals(0L, authority.one("select count(*) n from ops.data_test_results where not passed").get("n"));
        assertTrue((Long) authority.one("select count(*) n from ops.data_test_results where model like 'staging.stg_case__%' "
                + "and (model like '%linked_identifiers' or model like '%sdq_scores' or model like '%previous_permanence')").get("n") >= 6,
                "the new models' data tests ran");
    }

    @Test
    void upnsAreClassifiedAndCheckedInStaging() throws Exception {
        Map<String, Object> generated = authority.one("select count(*) n, count(*) filter (where is_upn_check_letter_valid) checked, "
                + "count(*) filter (where identifier_kind = 'upn') upn from staging.stg_case__linked_identifiers where link_id like 'LI%'");
        assertEquals(generated.get("n"), generated.get("checked"), "every generated UPN passes the check in SQL");
        assertEquals(generated.get("n"), generated.get("upn"));
        assertEquals(Map.of("identifier_kind", "upn", "is_upn_well_formed", true, "is_upn_check_letter_valid", false),
                kind("HX1"), "wrong check letter (spaces removed)");
        assertEquals(Map.of("identifier_kind", "former_upn", "is_upn_well_formed", true, "is_upn_check_letter_valid", true),
                kind("HX2"), "temporary UPN, upper-cased");
        Map<String, Object> nhs = kind("HX3");
        assertEquals("nhs_number", nhs.get("identifier_kind"));
        assertNull(nhs.get("is_upn_check_letter_valid"));
        assertEquals(Map.of("identifier_kind", "upn", "is_upn_well_formed", false, "is_upn_check_letter_valid", false), kind("HX4"));
    }

    @Test
    void sdqScoresImmunisationsAndSubstanceMisuseAreTyped() throws Exception {
        Map<String, Object> sdq = authority.one("select count(*) filter (where has_score) scored, min(sdq_score) lo, max(sdq_score) hi, "
                + "count(*) filter (where not has_score and sdq_reason not in ('SDQ1','SDQ2','SDQ3','SDQ4','SDQ5')) bad "
                + "from staging.stg_case__sdq_scores");
        assertEquals(scoresSent, sdq.get("scored"));
        assertTrue((Integer) sdq.get("lo") >= 0 && (Integer) sdq.get("hi") <= 40, sdq.toString());
        assertEquals(0L, sdq.get("bad"));
        assertEquals(Map.of("not_read", 0L, "up_to_date", immunisedSent), authority.one("select count(*) filter (where is_up_to_date is null) not_read, "
                + "count(*) filter (where is_up_to_date) up_to_date from staging.stg_case__cla_immunisations"));
        assertEquals(0L, authority.one("select count(*) n from staging.stg_case__cla_substance_misuse where intervention_received is null "
                + "or identified_date is null").get("n"));
    }

    @Test
    void previousPermanenceDatesMayBePartKnown() throws Exception {
        List<Map<String, Object>> rows = authority.query("select previous_permanence_id id, previous_permanence_option o, "
                + "cast(order_date as varchar) d, order_month m, order_year y from staging.stg_case__cla_previous_permanence "
                + "where previous_permanence_id like 'PX%' order by 1");
        assertEquals("P2", rows.get(0).get("o"));
        assertDate(rows.get(0), null, 5, 2020);
        assertDate(rows.get(1), null, null, 2021);
        assertDate(rows.get(2), null, null, null);
        assertDate(rows.get(3), "2019-02-14", 2, 2019);
        assertDate(rows.get(4), "2019-02-14", 2, 2019);
        assertEquals(0L, authority.one("select count(*) n from staging.stg_case__cla_previous_permanence "
                + "where previous_permanence_option = 'Z1' and (order_year is not null or arranged_by_la is not null)").get("n"));
    }

    private Map<String, Object> kind(String id) throws Exception {
        return authority.one("select identifier_kind, is_upn_well_formed, is_upn_check_letter_valid "
                + "from staging.stg_case__linked_identifiers where link_id = '" + id + "'");
    }

    private static void assertDate(Map<String, Object> row, String date, Integer month, Integer year) {
        assertEquals(date, row.get("d"), row.toString());
        assertEquals(month, row.get("m"), row.toString());
        assertEquals(year, row.get("y"), row.toString());
    }

    private void append(String file, String... lines) throws IOException {
        Path f = inbox.resolve(file);
        FileTime stamp = Files.getLastModifiedTime(f);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, stamp); // the loader reads the file time as the extract date
    }

    /** DfE UPN guide: weights 2-13, sum mod 23; a letter counts as its place in the check alphabet. */
    private static char checkLetter(String twelve) {
        String alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char ch = twelve.charAt(i);
            sum += (Character.isDigit(ch) ? ch - '0' : alphabet.indexOf(ch)) * (i + 2);
        }
        return alphabet.charAt(sum % 23);
    }
}
