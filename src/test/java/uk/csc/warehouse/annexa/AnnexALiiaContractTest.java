package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.csc.warehouse.annexa.AnnexATemplate.CellType;
import uk.csc.warehouse.annexa.AnnexATemplate.ColumnSpec;
import uk.csc.warehouse.annexa.AnnexATemplate.ListSpec;

/**
 * The versioned templates against an independent contract: liia-tools-pipeline's Annex_A_schema.yml, the
 * Annex A reader London authorities use, reduced by {@code src/test/resources/annex_a/derive_liia_annex_a.py}
 * to its columns (list, order, header, kind, can be blank) and, for each category column, every value its
 * cleaner accepts and the code it reads it as. For each template year: every sheet's row-1 headers are
 * liia's, in liia's order (2025: with Gender renamed Sex, as liia's 2026 diff does); cell types agree; a
 * column liia refuses blank is required; every label a vocabulary can write is a value liia accepts for
 * that column; and a label means what the warehouse code means (liia reads the label and the raw code,
 * e.g. "a) WBRI" and "WBRI", as the same category).
 */
class AnnexALiiaContractTest {
    /**
     * liia columns written as text where liia reads a category: LA of Placement is the authority's name, which
     * AnnexACompletenessTest checks against liia's list of names for that column.
     */
    private static final Set<String> TEXT_FOR_CATEGORY = Set.of("LA of Placement");

    record LiiaColumn(int position, String header, String kind, boolean canBeBlank, String categories) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2025"})
    void template_matches_liia_annex_a_schema(String year) throws IOException {
        AnnexATemplate template = AnnexATemplate.load(year);
        Map<String, List<LiiaColumn>> liia = columns();
        Map<String, Map<String, Set<String>>> accepted = categories();
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = problems::add;
        assertEquals(11, template.lists().size());
        for (int i = 0; i < template.lists().size(); i++) {
            ListSpec list = template.lists().get(i);
            assertEquals("List " + (i + 1), list.sheet());
            List<LiiaColumn> expected = liia.get("list_" + (i + 1));
            List<String> expectedHeaders = expected.stream()
                    .map(c -> year.equals("2024") ? c.header() : c.header().equals("Gender") ? "Sex" : c.header())
                    .toList();
            assertEquals(expectedHeaders, list.headers(), list.sheet() + " headers (template " + year + ")");
            for (int c = 0; c < list.columns().size(); c++) {
                ColumnSpec col = list.columns().get(c);
                LiiaColumn l = expected.get(c);
                String where = year + " " + list.sheet() + " '" + col.header() + "'";
                if (!l.canBeBlank() && !col.required()) {
                    problem.accept(where + ": liia refuses a blank, template does not require a value");
                }
                if (TEXT_FOR_CATEGORY.contains(l.header())) {
                    continue;
                }
                String kind = switch (col.type()) {
                    case CATEGORY -> "category";
                    case DATE -> "date";
                    case NUMBER -> "numeric";
                    case STRING -> "string";
                };
                if (!kind.equals(l.kind())) {
                    problem.accept(where + ": type " + kind + ", liia " + l.kind());
                }
                if (col.type() != CellType.CATEGORY) {
                    continue;
                }
                Map<String, Set<String>> liiaCodesOf = accepted.get(l.categories());
                template.vocabularies().get(col.vocabulary()).forEach((code, label) -> {
                    Set<String> asLabel = liiaCodesOf.get(norm(label));
                    if (asLabel == null) {
                        problem.accept(where + ": label '" + label + "' (for " + code + ") is not a value liia accepts");
                        return;
                    }
                    Set<String> asCode = liiaCodesOf.get(norm(code));
                    if (asCode != null && asCode.stream().noneMatch(asLabel::contains)) {
                        problem.accept(where + ": code " + code + " reads as '" + asCode + "' but its label '" + label
                                + "' as '" + asLabel + "'");
                    }
                });
            }
        }
        assertEquals(List.of(), problems, "template " + year + " against liia Annex_A_schema.yml");
    }

    /** Ofsted's own lettered values are written, not liia's aggregated output groups (which lose detail). */
    @ParameterizedTest
    @ValueSource(strings = {"2024", "2025"})
    void codes_that_ofsted_letters_one_by_one_keep_their_own_value(String year) {
        AnnexATemplate t = AnnexATemplate.load(year);
        assertEquals("a) WBRI", t.vocabularies().get("ethnicity").get("WBRI"));
        assertEquals("o) BAFR", t.vocabularies().get("ethnicity").get("BAFR"));
        assertEquals("q) 6: Police", t.vocabularies().get("source").get("6"));
        assertEquals("j) 3D: Health services", t.vocabularies().get("source").get("3D"));
        assertEquals("f) U6: Foster placement - not FFA", t.vocabularies().get("placement_type").get("U6"));
        assertEquals("c) PR2: Other LA provision", t.vocabularies().get("provider").get("PR2"));
        assertEquals("C2: FCO", t.vocabularies().get("legal_status").get("C2"));
        assertEquals("b) Former relevant child", t.vocabularies().get("eligibility").get("former_relevant"));
        for (String vocabulary : List.of("ethnicity", "placement_type", "provider", "legal_status")) {
            Map<String, String> v = t.vocabularies().get(vocabulary);
            long distinctCodes = v.keySet().stream().filter(k -> !k.equals("null")).count();
            assertTrue(new java.util.HashSet<>(v.values()).size() >= distinctCodes - 6,
                    vocabulary + " keeps (nearly) one value per code: " + v);
        }
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<LiiaColumn>> columns() throws IOException {
        Map<String, List<LiiaColumn>> out = new TreeMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader("liia_annex_a_columns.csv"))) {
            for (NamedCsvRecord r : csv) {
                out.computeIfAbsent(r.getField("list"), k -> new ArrayList<>()).add(new LiiaColumn(
                        Integer.parseInt(r.getField("position")), r.getField("header"), r.getField("kind"),
                        Boolean.parseBoolean(r.getField("canbeblank")), r.getField("categories")));
            }
        }
        return out;
    }

    private static Map<String, Map<String, Set<String>>> categories() throws IOException {
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader("liia_annex_a_categories.csv"))) {
            for (NamedCsvRecord r : csv) {
                out.computeIfAbsent(r.getField("categories"), k -> new HashMap<>())
                        .computeIfAbsent(norm(r.getField("accepted")), k -> new java.util.TreeSet<>())
                        .add(r.getField("liia_code"));
            }
        }
        return out;
    }

    private static InputStreamReader reader(String name) {
        InputStream in = AnnexALiiaContractTest.class.getClassLoader().getResourceAsStream("annex_a/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource annex_a/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
