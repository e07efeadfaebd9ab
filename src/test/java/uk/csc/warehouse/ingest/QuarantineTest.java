package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/** A file whose header does not match its contract never reaches the lake and says why. */
class QuarantineTest {
    @TempDir
    Path root;

    @Test
    void wrong_header_is_quarantined_with_a_reason_and_the_lake_is_unchanged() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        assertTrue(authority.load().quarantined().isEmpty());
        Map<String, String> lakeBefore = fingerprint(authority.dataDir.lake());

        // ssd_cin_episodes named, but the header is ssd_contacts'.
        TestAuthority.copyFolder(TestAuthority.resource("swapped_header"), authority.dataDir.inbox("case"));
        LoadReport report = authority.load();

        assertEquals(1, report.quarantined().size());
        String reason = report.quarantined().get(0).reason();
        assertTrue(reason.startsWith("ssd_cin_episodes_20240930.csv: line 1, column cine_referral_id: "), reason);
        assertTrue(reason.contains("required column(s) missing from header: cine_referral_id, cine_person_id"), reason);
        assertTrue(reason.contains("looks like ssd_contacts"), reason);

        Path quarantine = authority.dataDir.quarantine().resolve("case");
        List<Path> files = list(quarantine);
        assertEquals(2, files.size(), "the original file and its reason: " + files);
        Path original = files.stream().filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        assertEquals(Files.readString(TestAuthority.resource("swapped_header/ssd_cin_episodes_20240930.csv")),
                Files.readString(original), "quarantine keeps the bytes as delivered");
        Path reasonFile = files.stream().filter(p -> p.toString().endsWith(".reason.txt")).findFirst().orElseThrow();
        assertEquals(reason, Files.readString(reasonFile).strip());

        Map<String, String> lakeAfter = fingerprint(authority.dataDir.lake());
        lakeAfter.keySet().removeIf(k -> k.startsWith("_loads/") && !lakeBefore.containsKey(k));
        assertEquals(lakeBefore, lakeAfter, "the lake's data is unchanged; only the load's record is added");
        assertFalse(Files.exists(authority.dataDir.inbox("case").resolve("ssd_cin_episodes_20240930.csv")));
    }

    @Test
    void empty_and_binary_files_are_refused_by_name() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Files.write(authority.dataDir.inbox("case").resolve("ssd_contacts.csv"), new byte[0]);
        Files.write(authority.dataDir.inbox("case").resolve("ssd_cp_plans.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 9});
        LoadReport report = authority.load();
        Map<String, String> reasons = new TreeMap<>();
        report.quarantined().forEach(r -> reasons.put(r.file(), r.reason()));
        assertEquals("ssd_contacts.csv: file is empty (0 bytes); expected at least a header row",
                reasons.get("ssd_contacts.csv"));
        assertTrue(reasons.get("ssd_cp_plans.csv").startsWith("ssd_cp_plans.csv: line 1: binary content"),
                reasons.get("ssd_cp_plans.csv"));
        assertEquals(3, report.results().size() - report.quarantined().size(), "the good files still load");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static Map<String, String> fingerprint(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
