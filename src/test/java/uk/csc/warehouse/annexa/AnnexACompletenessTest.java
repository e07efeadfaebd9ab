package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.transform.WarehouseBuilder;

/**
 * Issue 17's Annex A completeness: on a generated authority (whose data is ours, so it can be complete) the
 * workbook has no blank in any column liia-tools' Annex_A_schema.yml marks {@code canbeblank: false}; in
 * particular List 8's LA of Placement (from the placement's postcode district) and List 9's Allocated
 * Personal Advisor (clea_care_leaver_personal_advisor), blank on every row before. Every LA name the
 * postcode lookup can write is one liia accepts for LA of Placement.
 */
class AnnexACompletenessTest {
    @TempDir
    static Path root;
    static DataDir dataDir;
    static AnnexAWorkbook workbook;

    @BeforeAll
    static void authority() throws Exception {
        SyntheticAuthority.write(new GeneratorSettings(6_000, 2, 11L, LocalDate.of(2025, 3, 31), "E09000028"), root);
        dataDir = new DataDir(root);
        new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
        WarehouseBuilder.fromClasspath().build(dataDir);
        AnnexAExport.Result r = AnnexAExport.fromClasspath().run(dataDir, new AnnexAExport.Request(null, 6, null, "2024"));
        workbook = AnnexAWorkbook.readAndCheck(r.file(), AnnexATemplate.load("2024"));
    }

    @Test
    void no_blank_in_any_column_liia_requires() throws Exception {
        Map<String, Long> blanks = blanksPerRequiredColumn(workbook);
        System.out.println("Annex A blanks per liia-required column (list, header -> blank rows of rows): " + blanks);
        Map<String, Long> nonZero = new LinkedHashMap<>();
        blanks.forEach((k, v) -> {
            if (v > 0) {
                nonZero.put(k, v);
            }
        });
        assertEquals(Map.of(), nonZero, "required columns with blanks");
        assertTrue(workbook.rows("List 8").size() > 10 && workbook.rows("List 9").size() > 5,
                "the authority has children in care and care leavers to check");
        assertTrue(workbook.rows("List 8").stream().anyMatch(r -> "Southwark".equals(r.get("LA of Placement"))));
        assertTrue(workbook.rows("List 8").stream().anyMatch(r -> "Kent".equals(r.get("LA of Placement"))
                || "Medway".equals(r.get("LA of Placement")) || "Lewisham".equals(r.get("LA of Placement"))),
                "placements outside the borough name their authority");
        assertTrue(workbook.summaryText.stream().anyMatch(l -> l.startsWith("Data-quality rule (marts.data_quality_issues)")),
                "the Summary sheet lists the data-quality rules that touch Annex A");
    }

    @Test
    void every_la_name_the_lookup_writes_is_one_liia_accepts() throws Exception {
        Set<String> accepted = liiaPlacementLaNames();
        assertTrue(accepted.size() > 150, "read liia's LA of Placement categories: " + accepted.size());
        Set<String> ours = new TreeSet<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("sql/seeds/postcode_district_local_authority.csv"),
                StandardCharsets.UTF_8))) {
            csv.forEach(r -> ours.add(r.getField("area_name")));
        }
        ours.removeAll(accepted);
        assertEquals(Set.of(), ours, "LA names liia does not accept");
    }

    static Map<String, Long> blanksPerRequiredColumn(AnnexAWorkbook wb) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(
                AnnexACompletenessTest.class.getClassLoader().getResourceAsStream("annex_a/liia_annex_a_columns.csv"),
                StandardCharsets.UTF_8))) {
            for (NamedCsvRecord r : csv) {
                if (Boolean.parseBoolean(r.getField("canbeblank"))) {
                    continue;
                }
                String sheet = "List " + r.getField("list").substring("list_".length());
                List<Map<String, Object>> rows = wb.rows(sheet);
                String header = r.getField("header"); // the 2024 template's headers are liia's (AnnexALiiaContractTest)
                long blank = rows.stream().filter(row -> row.get(header) == null
                        || row.get(header).toString().isBlank()).count();
                out.put(sheet + ", " + header + " (" + rows.size() + " rows)", blank);
            }
        }
        return out;
    }

    /** The names liia's cleaner accepts for LA of Placement (codes and their aliases), read from its schema. */
    static Set<String> liiaPlacementLaNames() throws Exception {
        Path schema = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/liia-tools-pipeline/Annex_A_schema.yml")
                .normalize();
        String text = Files.readString(schema);
        int from = text.indexOf("LA of Placement: &cla-placement-la");
        int to = text.indexOf("canbeblank", from);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+-\\s+(?:code:\\s+)?'?([^'\\n]+?)'?\\s*$").matcher(text.substring(from, to));
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }
}
