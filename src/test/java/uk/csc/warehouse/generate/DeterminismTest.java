package uk.csc.warehouse.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
        assertEquals(43, files.size(), "36 SSD tables, 3 complaints tables, 3 HR tables and the population file");
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

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
