package uk.csc.warehouse.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** The rate denominator: children aged 0-17 per financial year, drifting gently so rates are not flat by construction. */
final class PopulationFile {
    private PopulationFile() {}

    static int write(GeneratorSettings s, Clock clock, Path referenceDir) throws IOException {
        Files.createDirectories(referenceDir);
        int firstYear = financialYearStart(clock.windowStart);
        int lastYear = financialYearStart(clock.asAt);
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x0B0B_0B0BL);
        double[] drift = new double[lastYear - firstYear + 1];
        for (int i = 0; i < drift.length; i++) {
            drift[i] = (rng.nextDouble() * 2 - 1) * 0.01;
        }
        Path temp = referenceDir.resolve(".population_0_17.csv.tmp");
        Path target = referenceDir.resolve("population_0_17.csv");
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(temp, StandardCharsets.UTF_8)) {
            csv.writeRecord("area_code", "financial_year", "population_0_17");
            for (int y = firstYear; y <= lastYear; y++) {
                // The latest year is the stated population; earlier years walk back through the drift.
                double factor = 1.0;
                for (int k = y; k < lastYear; k++) {
                    factor /= 1.0 + drift[k - firstYear + 1];
                }
                csv.writeRecord(s.laCode(), y + "-" + String.format("%02d", (y + 1) % 100),
                        String.valueOf(Math.round(s.children() * factor)));
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return lastYear - firstYear + 1;
    }

    static int financialYearStart(LocalDate d) {
        return d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
    }
}
