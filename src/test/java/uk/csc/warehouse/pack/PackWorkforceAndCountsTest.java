package uk.csc.warehouse.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.comparators.ComparatorFiles;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The pack on the hand-built workforce team (cohorts/workforce, Southwark's code, census 30 September 2024):
 * the workforce figures DfE publishes at 30 September are compared at 30 September, and a count is never
 * drawn or tabled against England's total.
 */
class PackWorkforceAndCountsTest {
    @TempDir
    static Path root;
    static TestAuthority authority;
    static DataPack.Result pack;

    @BeforeAll
    static void buildAndPack() throws Exception {
        authority = BuiltCohorts.copy("workforce", root);
        pack = DataPack.write(authority.dataDir, "2024-25");
    }

    @Test
    void census_date_indicators_are_compared_on_their_census_date() throws Exception {
        // WorkforceCohortTest works these out by hand at 30 September 2024: agency 18.2%, vacancy 25.0%,
        // turnover 40.0%, caseload 9.3, 4.5 FTE; DfE's are Southwark's at the same 30 September.
        Map<String, Double> expected = Map.of("sw_agency_rate_fte_pct", 18.2, "sw_vacancy_rate_fte_pct", 25.0,
                "sw_turnover_rate_fte_pct", 40.0, "sw_avg_caseload_30sep", 9.3, "sw_fte_count_30sep", 4.5);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Map<String, Object> v = authority.one("select * from marts.comparator_values where indicator_code = '"
                    + e.getKey() + "' and financial_year = '2024-25'");
            assertEquals(e.getValue(), ((Number) v.get("local_value")).doubleValue(), 1e-9, e.getKey());
            assertEquals("2024-09-30", v.get("local_period"), e.getKey());
            assertEquals("2024-09-30", v.get("published_period"), e.getKey());
            assertNotNull(v.get("published_value"), e.getKey());
        }
    }

    @Test
    void workforce_rows_in_the_pack_workbook_have_values() throws Exception {
        try (InputStream in = Files.newInputStream(pack.workbook()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Map<String, Row> rows = tableRows(wb.getSheet("Workforce"));
            for (String code : List.of("sw_agency_rate_fte_pct", "sw_vacancy_rate_fte_pct", "sw_turnover_rate_fte_pct",
                    "sw_avg_caseload_30sep", "sw_fte_count_30sep")) {
                Row row = rows.get(code);
                assertNotNull(row, code + " on the Workforce sheet");
                Cell thisYear = row.getCell(1);
                assertNotNull(thisYear, code + " this year");
                assertEquals(CellType.NUMERIC, thisYear.getCellType(), code + " this year is a number");
            }
            assertEquals(18.2, rows.get("sw_agency_rate_fte_pct").getCell(1).getNumericCellValue(), 1e-9);
            Sheet dq = wb.getSheet("Data quality");
            for (Row r : dq) {
                String detail = r.getCell(2) == null ? "" : r.getCell(2).toString();
                String check = r.getCell(0) == null ? "" : r.getCell(0).toString();
                assertFalse(detail.contains("does not compute it yet") && check.toLowerCase().contains("rate (fte"),
                        "data quality still says a workforce figure is not computed: " + check);
            }
        }
    }

    @Test
    void the_comparator_csv_holds_the_census_date_value() throws Exception {
        ComparatorFiles.Result r = ComparatorFiles.write(authority.dataDir, "2024-25");
        Map<String, Object> row = authority.one("select * from read_csv('" + r.folder().resolve("comparators_workforce.csv")
                + "') where indicator_code = 'sw_agency_rate_fte_pct' and financial_year = '2024-25'");
        assertEquals(18.2, ((Number) row.get("local_value")).doubleValue(), 1e-9);
        assertEquals("2024-09-30", String.valueOf(row.get("local_period")));
    }

    @Test
    void no_count_carries_a_national_figure_on_the_page_in_the_workbook_or_in_a_chart() throws Exception {
        Map<String, String> units = new HashMap<>();
        for (Map<String, Object> v : authority.query("select distinct indicator_code, unit from marts.comparator_values")) {
            units.put((String) v.get("indicator_code"), (String) v.get("unit"));
        }
        int counts = 0;
        try (InputStream in = Files.newInputStream(pack.workbook()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Section s : Section.STANDARD) {
                XSSFSheet sh = wb.getSheet(s.sheetName());
                for (Map.Entry<String, Row> e : tableRows(sh).entrySet()) {
                    if ("count".equals(units.get(e.getKey()))) {
                        counts++;
                        assertBlank(e.getValue().getCell(7), e.getKey() + " England");
                        assertBlank(e.getValue().getCell(9), e.getKey() + " region");
                    }
                }
                // the monthly series' England/neighbour columns (the native charts' reference series)
                boolean series = false;
                for (Row row : sh) {
                    Cell first = row.getCell(0);
                    if (first != null && first.getCellType() == CellType.STRING
                            && WorkbookWriter.SERIES_TITLE.equals(first.getStringCellValue())) {
                        series = true;
                        continue;
                    }
                    if (series && first != null && "count".equals(units.get(first.toString()))) {
                        assertBlank(row.getCell(8), first + " England (annual) in the series");
                        assertBlank(row.getCell(9), first + " neighbours (annual) in the series");
                    }
                }
                if (sh.getDrawingPatriarch() != null) {
                    for (XSSFChart chart : sh.getDrawingPatriarch().getCharts()) {
                        String title = chart.getTitleText() == null ? "" : chart.getTitleText().getString();
                        if (title.contains("(FTE)") && title.startsWith("Children and family social workers")) {
                            assertEquals(1, chart.getChartSeries().get(0).getSeriesCount(), title + ": one series");
                        }
                    }
                }
            }
        }
        assertTrue(counts > 0, "the cohort has count indicators to check");
        // the page: the FTE chart (a count DfE publishes for England) has no England line
        String html = Files.readString(pack.html(), StandardCharsets.UTF_8);
        Matcher svg = Pattern.compile("<svg[^>]*aria-label=\"Children and family social workers \\(FTE\\)\".*?</svg>",
                Pattern.DOTALL).matcher(html);
        if (svg.find()) {
            assertFalse(svg.group().contains("England"), "FTE chart on the page draws England");
        }
    }

    @Test
    void a_count_chart_with_an_england_figure_draws_no_reference_line_but_a_rate_does() {
        PackData.Month m = new PackData.Month("x", "Apr 24", java.time.LocalDate.of(2024, 4, 1), 270.0, null, null, true);
        PackData.Row count = row("cpp_count_31mar", "count", 277.0, 49420.0, 250.0);
        PackData.Row rate = row("cpp_rate_per_10k_31mar", "rate_per_10000", 40.0, 41.6, 45.0);
        String countSvg = SvgChart.render(count, List.of(m), "Southwark", "");
        String rateSvg = SvgChart.render(rate, List.of(m), "Southwark", "");
        assertFalse(countSvg.contains("England"), countSvg);
        assertFalse(countSvg.contains("Neighbours"), countSvg);
        assertFalse(countSvg.contains("49,420"), "the axis is not stretched to England's total");
        assertTrue(rateSvg.contains("England 2023-24: 41.6"), rateSvg);
        // the PNG is drawn from the same layout (SvgChart.draw) and with the same rule
        assertFalse(ChartRenderer.showsReferenceLines(count));
        assertTrue(ChartRenderer.showsReferenceLines(rate));
    }

    @Test
    void a_year_the_warehouse_does_not_hold_is_refused_naming_the_years_it_does() {
        for (String year : List.of("1999-00", "2030-31")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataPack.write(authority.dataDir, year));
            assertTrue(e.getMessage().contains("2023-24") && e.getMessage().contains("2024-25")
                    && e.getMessage().contains(year), e.getMessage());
            IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                    () -> ComparatorFiles.write(authority.dataDir, year));
            assertEquals(e.getMessage(), c.getMessage());
        }
        assertFalse(Files.exists(DataPack.folder(authority.dataDir, "1999-00")), "no empty pack folder");
    }

    @Test
    void a_real_authority_is_not_labelled_synthetic() throws Exception {
        assertFalse(Files.readString(pack.html(), StandardCharsets.UTF_8).contains("SYNTHETIC"));
    }

    private static PackData.Row row(String code, String unit, Double local, Double england, Double sn) {
        return new PackData.Row(code, "child_protection", code, unit, "neutral", local, true, null, null, null,
                "2023-24", england, sn, 10, "", "m", null, null, null, null, null, null, true, null);
    }

    private static Map<String, Row> tableRows(Sheet sh) {
        Map<String, Row> rows = new HashMap<>();
        for (int r = WorkbookWriter.TABLE_HEADER_ROW + 1; r <= sh.getLastRowNum(); r++) {
            Row row = sh.getRow(r);
            if (row == null || row.getCell(14) == null) {
                break;
            }
            rows.put(row.getCell(14).getStringCellValue(), row);
        }
        return rows;
    }

    private static void assertBlank(Cell c, String what) {
        assertTrue(c == null || c.getCellType() == CellType.BLANK, what + " should be empty, is " + c);
    }
}
