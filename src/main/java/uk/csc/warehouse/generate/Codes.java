package uk.csc.warehouse.generate;

import java.util.SplittableRandom;

/** DfE CIN census and SSDA903 code sets, with weights roughly matching an inner London borough. */
final class Codes {
    private Codes() {}

    /** CIN census referral source (CIN_schema_2026.xsd referralsourcetype). */
    static final String[][] REFERRAL_SOURCES = {
        {"1A", "Individual - family member, relative or carer", "5"},
        {"1B", "Individual - acquaintance", "1"},
        {"1C", "Individual - self", "1"},
        {"1D", "Individual - other", "1"},
        {"2A", "Schools", "18"},
        {"2B", "Education services", "2"},
        {"3A", "Health services - GP", "2"},
        {"3B", "Health services - health visitor", "3"},
        {"3C", "Health services - school nurse", "1"},
        {"3D", "Health services - other primary health services", "2"},
        {"3E", "Health services - A&E", "4"},
        {"3F", "Health services - other", "3"},
        {"4", "Housing", "3"},
        {"5A", "LA services - social care", "4"},
        {"5B", "LA services - other internal", "3"},
        {"5C", "LA services - external", "2"},
        {"5D", "LA services - early help", "3"},
        {"6", "Police", "29"},
        {"7", "Other legal agency", "4"},
        {"8", "Other", "4"},
        {"9", "Anonymous", "1"},
        {"10", "Unknown", "1"},
    };

    static String[] referralSource(SplittableRandom rng) {
        int total = 0;
        for (String[] s : REFERRAL_SOURCES) {
            total += Integer.parseInt(s[2]);
        }
        int x = rng.nextInt(total);
        for (String[] s : REFERRAL_SOURCES) {
            x -= Integer.parseInt(s[2]);
            if (x < 0) {
                return s;
            }
        }
        return REFERRAL_SOURCES[REFERRAL_SOURCES.length - 1];
    }

    static String[] referralSource(String code) {
        for (String[] s : REFERRAL_SOURCES) {
            if (s[0].equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }

    static String primaryNeed(SplittableRandom rng) {
        return Pick.weighted(rng, "N1", 55, "N2", 4, "N3", 6, "N4", 10, "N5", 8, "N6", 3, "N7", 1, "N8", 7, "N9", 6);
    }

    /** CP category of abuse (CIN categoryofabusetype). */
    static String abuseCategory(SplittableRandom rng) {
        return Pick.weighted(rng, "NEG", 46, "EMO", 36, "PHY", 7, "SAB", 4, "MUL", 7);
    }

    static String ethnicity(SplittableRandom rng) {
        return Pick.weighted(rng, "WBRI", 24, "WIRI", 1, "WOTH", 10, "WROM", 1, "MWBC", 6, "MWBA", 3, "MWAS", 2,
                "MOTH", 7, "AIND", 1, "APKN", 1, "ABAN", 2, "CHNE", 1, "AOTH", 3, "BCRB", 8, "BAFR", 18, "BOTH", 5,
                "OOTH", 5, "REFU", 1, "NOBT", 1);
    }

    /** Factor codes recorded at the end of an assessment (CIN assessmentfactorstype). */
    static final String[] FACTORS = {"1B", "2B", "3A", "3B", "3C", "4A", "4B", "5B", "6B", "7A", "10A", "11A",
        "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20"};
    static final double[] FACTOR_RATES = {0.08, 0.10, 0.14, 0.32, 0.04, 0.18, 0.30, 0.04, 0.05, 0.02, 0.05, 0.03,
        0.04, 0.05, 0.06, 0.18, 0.22, 0.04, 0.08, 0.02, 0.03, 0.08};

    static String participation(SplittableRandom rng, int age) {
        return age < 4 ? "PN0" : Pick.weighted(rng, "PN1", 40, "PN2", 8, "PN3", 3, "PN4", 4, "PN5", 20, "PN6", 15, "PN7", 10);
    }

    static String json(Object... keyValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                b.append(", ");
            }
            b.append('"').append(keyValues[i]).append("\": ");
            Object v = keyValues[i + 1];
            if (v instanceof Number) {
                b.append(v);
            } else {
                b.append('"').append(v instanceof Boolean f ? (f ? "Y" : "N") : v).append('"');
            }
        }
        return b.append('}').toString();
    }
}
