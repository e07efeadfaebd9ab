package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);

    @TempDir
    Path tmp;

    @Test
    void sameSettingsGiveByteIdenticalFiles() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(3_000, 3, 7L, AS_AT, null);
        GenerationSummary a = SyntheticAuthority.write(settings, tmp.resolve("a"));
        GenerationSummary b = SyntheticAuthority.write(settings, tmp.resolve("b"));
        assertEquals(a, b);
        List<Path> files = files(tmp.resolve("a"));
        assertEquals(44, files.size(), "36 SSD tables, 3 complaints tables, 3 HR tables, the population file and the data-origin marker");
        for (Path f : files) {
            Path other = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), f.toString());
        }
    }

    @Test
    void differentSeedGivesDifferentAuthority() throws IOException {
        SyntheticAuthority.write(new GeneratorSettings(3_000, 3, 7L, AS_AT, null), tmp.resolve("a"));
        SyntheticAuthority.write(new GeneratorSettings(3_000, 3, 8L, AS_AT, null), tmp.resolve("b"));
        Path rel = Path.of("inbox", "case", "ssd_cin_episodes.csv");
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(rel)),
                Files.readAllBytes(tmp.resolve("b").resolve(rel))));
    }

    /**
     * The returns' tables and values (issue 15) draw from their own streams: with them on, every table written before
     * is byte-identical to the extract without them, except the postcode in ssd_address and the postcode, distance
     * and URN in ssd_cla_placement, which they replace; the six new tables are the only other difference.
     */
    @Test
    void returnTablesLeaveEveryEarlierTableAsItWas() throws IOException {
        GeneratorSettings settings = new GeneratorSettings(3_000, 3, 7L, AS_AT, null);
        SyntheticAuthority.write(settings, tmp.resolve("without"), false);
        SyntheticAuthority.write(settings, tmp.resolve("with"), true);
        Map<String, Set<String>> replaced = Map.of(
                "ssd_address.csv", Set.of("addr_address_postcode"),
                "ssd_cla_placement.csv", Set.of("clap_cla_placement_postcode", "clap_cla_placement_distance", "clap_cla_placement_urn"));
        Set<String> added = Set.of("ssd_linked_identifiers.csv", "ssd_sdq_scores.csv", "ssd_cla_convictions.csv",
                "ssd_cla_immunisations.csv", "ssd_cla_substance_misuse.csv", "ssd_cla_previous_permanence.csv");
        int identical = 0;
        for (Path f : files(tmp.resolve("without"))) {
            Path rel = tmp.resolve("without").relativize(f);
            Path other = tmp.resolve("with").resolve(rel);
            String name = rel.getFileName().toString();
            if (added.contains(name)) {
                assertEquals(1, Files.readAllLines(f).size(), "without them, " + name + " is only its header");
                assertTrue(Files.readAllLines(other).size() > 1, "with them, " + name + " has rows");
            } else if (replaced.containsKey(name)) {
                List<List<String>> a = csv(f);
                List<List<String>> b = csv(other);
                assertEquals(a.size(), b.size(), name);
                List<String> header = a.get(0);
                int changed = 0;
                for (int i = 1; i < a.size(); i++) {
                    for (int col = 0; col < header.size(); col++) {
                        String x = a.get(i).get(col);
                        String y = b.get(i).get(col);
                        if (replaced.get(name).contains(header.get(col))) {
                            changed += x.equals(y) ? 0 : 1;
                        } else {
                            assertEquals(x, y, name + " record " + i + " " + header.get(col));
                        }
                    }
                }
                assertTrue(changed > 0, name + ": the real postcodes replaced the invented ones");
            } else {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), rel.toString());
                identical++;
            }
        }
        assertEquals(44 - 6 - 2, identical, "every other file byte-identical");
    }

    private static List<List<String>> csv(Path f) throws IOException {
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> r =
                     de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(f)) {
            return r.stream().map(de.siegmar.fastcsv.reader.CsvRecord::getFields).toList();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
