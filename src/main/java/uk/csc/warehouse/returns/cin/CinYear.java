package uk.csc.warehouse.returns.cin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import uk.csc.warehouse.returns.CollectionYear;
import uk.csc.warehouse.returns.ReturnYears;

/**
 * What one CIN census year asks for, read from {@code returns/cin/<year>/census.properties}: its XSD, the name
 * of the child's sex element and its codes (GenderCurrent 1/2/0 until 2023-24, Sex M/F/U since), and Data to
 * Insight's rule set for it. A new year is a new folder, not a code branch.
 */
public record CinYear(CollectionYear year, String xsd, String sexElement, Map<String, String> sexCodes,
                      String validatorRuleset) {
    public static final String RETURN = "cin";

    public static CinYear load(CollectionYear year) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(ReturnYears.read(RETURN, year, "census.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CinYear(year, required(p, "xsd", year), required(p, "sex.element", year),
                Map.of("M", required(p, "sex.M", year), "F", required(p, "sex.F", year),
                        "U", required(p, "sex.U", year)),
                required(p, "validator.ruleset", year));
    }

    /** Classpath name of the year's schema. */
    public String xsdResource() {
        return "returns/" + RETURN + "/xsd/" + xsd;
    }

    public String sex(String warehouseCode) {
        String code = sexCodes.get(warehouseCode);
        return code == null ? sexCodes.get("U") : code;
    }

    private static String required(Properties p, String key, CollectionYear year) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("returns/" + RETURN + "/" + year + "/census.properties has no " + key);
        }
        return v.trim();
    }
}
