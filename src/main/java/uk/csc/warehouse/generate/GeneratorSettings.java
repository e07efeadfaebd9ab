package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What synthetic authority to generate.
 *
 * @param children population aged 0-17 (the rate denominator), e.g. 64_000
 * @param years    years of history before {@code asAt}
 * @param seed     same seed and settings give byte-identical files
 * @param asAt     extract date: nothing is dated after it
 * @param laCode   ONS area code; null means the demo's stand-in, Southwark
 */
public record GeneratorSettings(int children, int years, long seed, LocalDate asAt, String laCode) {

    public static final String DEFAULT_LA_CODE = "E09000028";

    public GeneratorSettings {
        if (children < 1) {
            throw new IllegalArgumentException("children must be at least 1");
        }
        if (years < 1 || years > 50) {
            throw new IllegalArgumentException("years must be between 1 and 50");
        }
        Objects.requireNonNull(asAt, "asAt");
        laCode = laCode == null || laCode.isBlank() ? DEFAULT_LA_CODE : laCode;
    }

    public GeneratorSettings(int children, int years, long seed, LocalDate asAt) {
        this(children, years, seed, asAt, DEFAULT_LA_CODE);
    }
}
