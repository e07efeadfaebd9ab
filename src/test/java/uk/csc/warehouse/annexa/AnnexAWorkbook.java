package uk.csc.warehouse.annexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.csc.warehouse.annexa.AnnexATemplate.ColumnSpec;
import uk.csc.warehouse.annexa.AnnexATemplate.ListSpec;

/** A written Annex A workbook read back with POI, as rows of header -> value (dates as LocalDate). */
final class AnnexAWorkbook {
    final Map<String, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
    final List<String> sheetNames = new ArrayList<>();
    /** Lists whose row 1 carries the synthetic-data label after the template headers. */
    final List<String> syntheticSheets = new ArrayList<>();
    final List<String> summaryText = new ArrayList<>();

    /**
     * Reads the workbook, checking it against the template as it goes: every list sheet is there, its row 1 is
     * the template's headers exactly, every category cell holds one of its allowed labels, every date cell is a
     * numeric cell with a date format, every number cell is numeric.
     */
    static AnnexAWorkbook readAndCheck(Path file, AnnexATemplate template) throws IOException {
        AnnexAWorkbook w = new AnnexAWorkbook();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                w.sheetNames.add(wb.getSheetName(i));
            }
            for (ListSpec list : template.lists()) {
                Sheet sheet = wb.getSheet(list.sheet());
                assertNotNull(sheet, "sheet " + list.sheet());
                Row header = sheet.getRow(0);
                List<String> headers = new ArrayList<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    headers.add(header.getCell(c).getStringCellValue());
                }
                // a synthetic authority's label follows Ofsted's headers (Provenance): not a template column
                if (headers.size() == list.headers().size() + 1
                        && headers.get(headers.size() - 1).equals(new uk.csc.warehouse.output.Provenance(true, null).tag())) {
                    w.syntheticSheets.add(list.sheet());
                    headers.remove(headers.size() - 1);
                }
                assertEquals(list.headers(), headers, list.sheet() + " headers");
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    Map<String, Object> values = new HashMap<>();
                    for (int c = 0; c < list.columns().size(); c++) {
                        ColumnSpec col = list.columns().get(c);
                        Cell cell = row.getCell(c);
                        if (cell == null || cell.getCellType() == CellType.BLANK) {
                            values.put(col.header(), null);
                            continue;
                        }
                        String where = list.sheet() + " row " + (r + 1) + " '" + col.header() + "'";
                        switch (col.type()) {
                            case DATE -> {
                                assertEquals(CellType.NUMERIC, cell.getCellType(), where + " is a date");
                                assertTrue(DateUtil.isCellDateFormatted(cell), where + " has a date format");
                                values.put(col.header(), cell.getLocalDateTimeCellValue().toLocalDate());
                            }
                            case NUMBER -> {
                                assertEquals(CellType.NUMERIC, cell.getCellType(), where + " is a number");
                                values.put(col.header(), cell.getNumericCellValue());
                            }
                            case CATEGORY -> {
                                String v = cell.getStringCellValue();
                                Set<String> allowed = template.allowedValues(col);
                                assertTrue(allowed.contains(v), where + ": '" + v + "' not in " + allowed);
                                values.put(col.header(), v);
                            }
                            case STRING -> {
                                assertEquals(CellType.STRING, cell.getCellType(), where + " is text");
                                values.put(col.header(), cell.getStringCellValue());
                            }
                        }
                    }
                    rows.add(values);
                }
                w.sheets.put(list.sheet(), rows);
            }
            Sheet summary = wb.getSheet("Summary");
            assertNotNull(summary, "Summary sheet");
            for (Row row : summary) {
                StringBuilder b = new StringBuilder();
                for (Cell cell : row) {
                    b.append(cell.getCellType() == CellType.NUMERIC
                            ? (DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                            : Long.toString((long) cell.getNumericCellValue()))
                            : cell.toString()).append(" | ");
                }
                w.summaryText.add(b.toString());
            }
        }
        return w;
    }

    List<Map<String, Object>> rows(String sheet) {
        return sheets.get(sheet);
    }

    long distinct(String sheet, String header, java.util.function.Predicate<Map<String, Object>> where) {
        return rows(sheet).stream().filter(where).map(r -> r.get(header)).distinct().count();
    }

    static boolean between(Object d, LocalDate from, LocalDate to) {
        LocalDate x = (LocalDate) d;
        return x != null && !x.isBefore(from) && !x.isAfter(to);
    }
}
