package uk.csc.warehouse.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.comparators.ComparatorFiles;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The pack and comparator files on a small built warehouse (the front-door cohort, authority E09000028):
 * comparator figures equal DfE's published figures (src/test/resources/reference/published_figures.csv), and
 * every number in the workbook is the marts' number.
 */
class PackAndComparatorsTest {
    @TempDir
    static Path root;
    static TestAuthority authority;
    static DataPack.Result pack;

    @BeforeAll
    static void buildAndPack() throws Exception {
        authority = BuiltCohorts.copy("front_door", root);
        pack = DataPack.write(authority.dataDir, "2024-25");
    }

    /** DfE's published figures for the indicators the warehouse maps (src/test/resources/reference/README.md). */
    static Path publishedFigures() {
        return reference().resolve("published_figures.csv");
    }

    /** The published reference rows these tests need, copied into the test resources with their sources named. */
    static Path reference() {
        return TestAuthority.resource("reference");
    }

    private double published(String code, String area, String period) throws Exception {
        Map<String, Object> r = authority.one("select value from read_csv('" + publishedFigures() + "') where "
                + "indicator_code = '" + code + "' and area_code = '" + area + "' and period = '" + period + "'");
        return ((Number) r.get("value")).doubleValue();
    }

    @Test
    void comparator_values_equal_published_figures_for_england_london_and_southwark() throws Exception {
        String[][] cases = {
            {"referrals_rate_per_10k", "2023-24", "2023-24"}, {"rereferrals_within_12m_pct", "2024-25", "2024-25"},
            {"assessments_within_45wd_pct", "2022-23", "2022-23"}, {"cla_rate_per_10k_31mar", "2023-24", "2023-24"},
            {"cpp_second_or_subsequent_pct", "2019-20", "2019-20"}, {"care_leavers_19_21_eet_pct", "2024-25", "2024-25"},
            {"sw_agency_rate_fte_pct", "2024-25", "2024-09-30"}};
        for (String[] c : cases) {
            Map<String, Object> v = authority.one("select * from marts.comparator_values where indicator_code = '"
                    + c[0] + "' and financial_year = '" + c[1] + "'");
            assertEquals(c[2], v.get("published_period"), c[0]);
            assertEquals(published(c[0], "E92000001", c[2]), ((Number) v.get("england_value")).doubleValue(), 1e-9, c[0]);
            assertEquals(published(c[0], "E12000007", c[2]), ((Number) v.get("region_value")).doubleValue(), 1e-9, c[0]);
            assertEquals(published(c[0], "E13000001", c[2]), ((Number) v.get("subregion_value")).doubleValue(), 1e-9, c[0]);
            assertEquals(published(c[0], "E09000028", c[2]), ((Number) v.get("published_value")).doubleValue(), 1e-9, c[0]);
        }
    }

    /**
     * Every row of published_figures.csv for an indicator the warehouse maps to LAIT (England, London, Inner
     * London, Southwark and each of its neighbours, every year) is in the comparator marts with exactly the
     * published value: no tolerance, so float noise in LAIT's file (73.60000000000001) would fail. The
     * neighbour mean of every indicator and year is worked out here from published_figures.csv and the
     * neighbour lists, in BigDecimal, half up to 1 dp (61.55 -> 61.6), and must be the mart's.
     */
    @Test
    void every_overlapping_published_figure_equals_the_comparator_figure() throws Exception {
        String pf = "read_csv('" + publishedFigures() + "')";
        // LAIT's measures, and the England-only figures of DfE's national tables (assessment durations...)
        String mapped = "(select indicator_code from reference.lait_indicator_map union "
                + "select indicator_code from reference.lait_national_values)";
        Map<String, Object> counts = authority.one("select count(*) as n, count(p.value) as matched, "
                + "count(*) filter (where p.value is distinct from f.value) as different from " + pf + " f "
                + "left join marts.comparator_published_values p on p.indicator_code = f.indicator_code "
                + "and p.area_code = f.area_code and p.period_label = f.period where f.indicator_code in " + mapped);
        List<Map<String, Object>> different = authority.query("select f.indicator_code, f.area_name, f.period, "
                + "f.value as published, p.value as warehouse from " + pf + " f left join marts.comparator_published_values p "
                + "on p.indicator_code = f.indicator_code and p.area_code = f.area_code and p.period_label = f.period "
                + "where f.indicator_code in " + mapped + " and p.value is distinct from f.value limit 20");
        assertEquals(List.of(), different, "published figures the comparator marts hold differently (or not at all)");
        assertTrue(((Number) counts.get("n")).longValue() > 4000, "the overlap is most of the file: " + counts);

        // England, London, Inner London and the authority's own, as the pack and comparator files show them
        List<Map<String, Object>> shown = authority.query("select f.indicator_code, f.area_name, f.period, f.value, "
                + "case f.area_code when 'E92000001' then v.england_value when 'E12000007' then v.region_value "
                + "when 'E13000001' then v.subregion_value else v.published_value end as shown "
                + "from " + pf + " f join marts.comparator_values v on v.indicator_code = f.indicator_code "
                + "and v.published_period = f.period where f.area_code in ('E92000001', 'E12000007', 'E13000001', 'E09000028')");
        assertTrue(shown.size() > 1200, "rows compared: " + shown.size());
        for (Map<String, Object> r : shown) {
            assertEquals(r.get("value"), r.get("shown"), r.get("indicator_code") + " " + r.get("area_name") + " " + r.get("period"));
        }

        // each neighbour's value and the neighbours' mean, for every indicator and year
        Path snFile = reference().resolve("statistical_neighbours_southwark.csv");
        Map<String, java.math.BigDecimal> sum = new HashMap<>();
        Map<String, Integer> n = new HashMap<>();
        for (Map<String, Object> r : authority.query("select f.indicator_code, f.period, s.model, s.rank, f.value, "
                + "nv.value as mart from read_csv('" + snFile + "') s join " + pf + " f on f.area_code = s.new_la_code "
                + "join marts.comparator_values v on v.indicator_code = f.indicator_code and v.published_period = f.period "
                + "and v.sn_model = s.model left join marts.comparator_neighbour_values nv on nv.indicator_code = "
                + "f.indicator_code and nv.financial_year = v.financial_year and nv.sn_rank = s.rank")) {
            String key = r.get("indicator_code") + "|" + r.get("period");
            assertEquals(r.get("value"), r.get("mart"), key + " neighbour " + r.get("rank"));
            sum.merge(key, new java.math.BigDecimal(r.get("value").toString()), java.math.BigDecimal::add);
            n.merge(key, 1, Integer::sum);
        }
        assertTrue(sum.size() > 300, "indicator-years with neighbour figures: " + sum.size());
        for (Map<String, Object> v : authority.query("select indicator_code, published_period, sn_average, sn_with_value "
                + "from marts.comparator_values where sn_average is not null")) {
            String key = v.get("indicator_code") + "|" + v.get("published_period");
            if (!sum.containsKey(key)) {
                continue; // not in published_figures.csv
            }
            double expected = sum.get(key).divide(java.math.BigDecimal.valueOf(n.get(key)), 1,
                    java.math.RoundingMode.HALF_UP).doubleValue();
            assertEquals(expected, ((Number) v.get("sn_average")).doubleValue(), 0.0, key + " neighbour mean");
            assertEquals(n.get(key), ((Number) v.get("sn_with_value")).intValue(), key + " neighbours with a value");
        }
    }

    @Test
    void neighbours_follow_the_model_of_the_year_and_their_values_and_mean_match_published_figures() throws Exception {
        // 2023-24 uses the April 2021 model (Hackney first), 2024-25 the May 2025 model (Lambeth first).
        assertEquals("Hackney", authority.one("select area_name from marts.comparator_neighbours where "
                + "financial_year = '2023-24' and sn_rank = 1").get("area_name"));
        assertEquals("Lambeth", authority.one("select area_name from marts.comparator_neighbours where "
                + "financial_year = '2024-25' and sn_rank = 1").get("area_name"));
        Path sn = reference().resolve("statistical_neighbours_southwark.csv");
        for (String[] c : new String[][] {{"referrals_rate_per_10k", "2023-24", "DfE_SN_April_2021"},
            {"cla_3plus_placements_in_year_pct", "2024-25", "DfE_SN_May_2025"},
            {"icpc_within_15wd_pct", "2021-22", "DfE_SN_April_2021"}}) {
            List<Map<String, Object>> mine = authority.query("select area_code, value from marts.comparator_neighbour_values "
                    + "where indicator_code = '" + c[0] + "' and financial_year = '" + c[1] + "' order by sn_rank");
            List<Map<String, Object>> theirs = authority.query("select s.new_la_code as area_code, p.value from read_csv('"
                    + sn + "') s left join read_csv('" + publishedFigures() + "') p on p.area_code = s.new_la_code and "
                    + "p.indicator_code = '" + c[0] + "' and p.period = '" + c[1] + "' where s.model = '" + c[2]
                    + "' order by s.rank");
            assertEquals(10, mine.size());
            double sum = 0;
            int n = 0;
            for (int i = 0; i < 10; i++) {
                assertEquals(theirs.get(i).get("area_code"), mine.get(i).get("area_code"), c[0] + " neighbour " + (i + 1));
                Object a = theirs.get(i).get("value");
                Object b = mine.get(i).get("value");
                if (a == null) {
                    assertEquals(null, b);
                } else {
                    assertEquals(((Number) a).doubleValue(), ((Number) b).doubleValue(), 1e-9, c[0]);
                    sum += ((Number) a).doubleValue();
                    n++;
                }
            }
            Map<String, Object> v = authority.one("select sn_average, sn_with_value from marts.comparator_values where "
                    + "indicator_code = '" + c[0] + "' and financial_year = '" + c[1] + "'");
            assertEquals(Math.round(sum / n * 10) / 10.0, ((Number) v.get("sn_average")).doubleValue(), 1e-9, c[0]);
            assertEquals(n, ((Number) v.get("sn_with_value")).intValue());
        }
    }

    @Test
    void rank_and_quartile_follow_polarity() throws Exception {
        // Southwark's 2023-24 assessments within 45 working days (95.8%, higher is better) against all authorities.
        Map<String, Object> v = authority.one("select rank, ranked_authorities, quartile, published_value from "
                + "marts.comparator_values where indicator_code = 'assessments_within_45wd_pct' and financial_year = '2023-24'");
        long better = ((Number) authority.one("select count(*) as n from marts.comparator_published_values where "
                + "indicator_code = 'assessments_within_45wd_pct' and period_label = '2023-24' and area_type = 'la' "
                + "and value > 95.8").get("n")).longValue();
        assertEquals(better + 1, ((Number) v.get("rank")).longValue());
        assertEquals(1, ((Number) v.get("quartile")).intValue());
        Map<String, Object> re = authority.one("select rank from marts.comparator_values where indicator_code = "
                + "'rereferrals_within_12m_pct' and financial_year = '2023-24'");
        long lower = ((Number) authority.one("select count(*) as n from marts.comparator_published_values where "
                + "indicator_code = 'rereferrals_within_12m_pct' and period_label = '2023-24' and area_type = 'la' "
                + "and value < 22.0").get("n")).longValue();
        assertEquals(lower + 1, ((Number) re.get("rank")).longValue());
    }

    @Test
    void every_figure_in_the_workbook_is_the_marts_figure() throws Exception {
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (Map<String, Object> v : authority.query("select * from marts.comparator_values")) {
            values.put(v.get("indicator_code") + "|" + v.get("financial_year"), v);
            if (v.get("published_period") != null) {
                values.put(v.get("indicator_code") + "|published|" + v.get("published_period"), v);
            }
        }
        Map<String, Map<String, Object>> months = new HashMap<>();
        for (Map<String, Object> v : authority.query("select * from marts.indicator_values where period_type = 'month'")) {
            months.put(v.get("indicator_code") + "|" + v.get("period_label"), v);
        }
        try (InputStream in = Files.newInputStream(pack.workbook()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertNotNull(wb.getSheet("Contents"));
            assertNotNull(wb.getSheet("Definitions"));
            assertNotNull(wb.getSheet("Data quality"));
            int checkedTable = 0;
            int checkedMonths = 0;
            for (Section s : Section.STANDARD) {
                Sheet sh = wb.getSheet(s.sheetName());
                assertNotNull(sh, s.sheetName());
                assertEquals(WorkbookWriter.TABLE_HEADER.get(0), sh.getRow(WorkbookWriter.TABLE_HEADER_ROW).getCell(0).getStringCellValue());
                assertNotNull(sh.getPaneInformation(), "frozen header on " + s.sheetName());
                for (int r = WorkbookWriter.TABLE_HEADER_ROW + 1; r <= sh.getLastRowNum(); r++) {
                    Row row = sh.getRow(r);
                    if (row == null || row.getCell(14) == null) {
                        break;
                    }
                    String code = row.getCell(14).getStringCellValue();
                    Map<String, Object> y = values.get(code + "|2024-25");
                    Map<String, Object> ly = values.get(code + "|2023-24");
                    assertNumber(y == null ? null : y.get("local_value"), row.getCell(1), code + " this year");
                    assertNumber(ly == null ? null : ly.get("local_value"), row.getCell(2), code + " last year");
                    String period = row.getCell(6) == null ? null : row.getCell(6).getStringCellValue();
                    if (period != null && !period.isEmpty()) {
                        Map<String, Object> p = values.get(code + "|published|" + period);
                        assertNumber(p.get("published_value"), row.getCell(5), code + " published");
                        // England's and the region's total is not set beside one authority's count
                        boolean count = "count".equals(p.get("unit"));
                        assertNumber(count ? null : p.get("england_value"), row.getCell(7), code + " England");
                        assertNumber(p.get("sn_average"), row.getCell(8), code + " neighbours");
                        assertNumber(count ? null : p.get("region_value"), row.getCell(9), code + " region");
                    }
                    checkedTable++;
                }
                // the monthly series table: indicator code, label, date, value... reconciled with indicator_values
                int header = -1;
                for (int r = 0; r <= sh.getLastRowNum(); r++) {
                    Row row = sh.getRow(r);
                    if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                            && WorkbookWriter.SERIES_TITLE.equals(row.getCell(0).getStringCellValue())) {
                        header = r + 1;
                    }
                }
                assertTrue(header > 0, "monthly series on " + s.sheetName());
                for (int r = header + 1; r <= sh.getLastRowNum(); r++) {
                    Row row = sh.getRow(r);
                    if (row == null || row.getCell(0) == null) {
                        continue;
                    }
                    String code = row.getCell(0).getStringCellValue();
                    String month = row.getCell(2).getStringCellValue();
                    assertTrue(DateUtil.isCellDateFormatted(row.getCell(3)), "month start is a date");
                    Map<String, Object> m = months.get(code + "|" + month);
                    assertNumber(m.get("value"), row.getCell(4), code + " " + month);
                    assertEquals(m.get("period_start").toString(), row.getCell(3).getLocalDateTimeCellValue().toLocalDate().toString());
                    checkedMonths++;
                }
            }
            assertTrue(checkedTable >= 6, "front-door indicators at least");
            assertTrue(checkedMonths >= 12, "months reconciled: " + checkedMonths);
            XSSFSheet front = wb.getSheet("Front door");
            assertFalse(front.getDrawingPatriarch().getCharts().isEmpty(), "native charts on the front-door sheet");
        }
    }

    @Test
    void narrative_is_created_once_merged_and_never_overwritten() throws Exception {
        Path file = pack.narrative();
        String template = Files.readString(file);
        assertTrue(template.contains("## Front door") && template.contains("### Our plans for the next 12 months"));
        String mine = template.replace("### What we know\n\n<!-- The quality and impact of social work practice in this area. -->",
                "### What we know\n\n=HYPERLINK(\"http://x\") <b>Front door</b> text by the team.");
        Files.writeString(file, mine);
        DataPack.Result again = DataPack.write(authority.dataDir, "2024-25");
        assertEquals(mine, Files.readString(file), "narrative.md is never overwritten");
        String html = Files.readString(again.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;) &lt;b&gt;Front door&lt;/b&gt; text by the team."));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing fetched from the internet");
        assertTrue(html.contains("page-break-before") && html.contains("@media print"));
        try (InputStream in = Files.newInputStream(again.workbook()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sh = wb.getSheet("Front door");
            boolean found = false;
            for (Row row : sh) {
                Cell c = row.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("=HYPERLINK")) {
                    assertTrue(c.getCellStyle().getQuotePrefixed(), "formula-like text is quote-prefixed");
                    found = true;
                }
            }
            assertTrue(found);
        }
        assertTrue(Files.exists(again.folder().resolve("charts/assessments_within_45wd_pct.png")));
    }

    @Test
    void comparator_files_hold_published_values_and_neighbours() throws Exception {
        ComparatorFiles.Result r = ComparatorFiles.write(authority.dataDir, "2024-25");
        Path longCsv = r.folder().resolve("comparators_long.csv");
        assertTrue(Files.exists(longCsv));
        assertTrue(Files.exists(r.folder().resolve("comparators_front_door.csv")));
        Map<String, Object> row = authority.one("select * from read_csv('" + longCsv + "') where indicator_code = "
                + "'referrals_rate_per_10k' and financial_year = '2023-24'");
        assertEquals(published("referrals_rate_per_10k", "E92000001", "2023-24"), ((Number) row.get("england_value")).doubleValue(), 1e-9);
        assertEquals("Hackney", row.get("sn_01_name"));
        assertEquals(published("referrals_rate_per_10k", "E09000012", "2023-24"), ((Number) row.get("sn_01_value")).doubleValue(), 1e-9);
    }

    private Map<String, Object> one(String sql) throws Exception {
        List<Map<String, Object>> rows = authority.query(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void assertNumber(Object expected, Cell cell, String what) {
        if (expected == null) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, what + ": expected an empty cell");
            return;
        }
        assertNotNull(cell, what);
        assertEquals(CellType.NUMERIC, cell.getCellType(), what + " is a number");
        assertEquals(((Number) expected).doubleValue(), cell.getNumericCellValue(), 1e-9, what);
    }

    static Map<String, Object> unused() {
        return new HashMap<>();
    }
}
