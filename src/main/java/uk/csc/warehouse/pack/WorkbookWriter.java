package uk.csc.warehouse.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The pack as an Excel workbook: contents, one sheet per area (comparison table, narrative, monthly series,
 * a native line chart per charted indicator with England and neighbour reference lines), definitions and
 * data quality. Numbers are numeric cells, dates are date cells; text that Excel could take for a formula
 * is stored quote-prefixed so it is shown, never evaluated.
 */
public final class WorkbookWriter {
    /** Comparison table columns, in the order of the users' own self-evaluation, then the detail. */
    public static final List<String> TABLE_HEADER = List.of("Indicator", "This year to date", "Last year", "Change",
            "Change (direction)", "Our last published", "Published year", "England", "Statistical neighbours",
            "Region", "Rank (1 = best)", "Quartile (1 = best)", "Neighbours with a value", "Notes", "Indicator code");
    public static final List<String> SERIES_HEADER = List.of("Indicator code", "Indicator", "Month", "Month start",
            "Value", "Numerator", "Denominator", "Complete", "England (annual)", "Statistical neighbours (annual)");
    public static final int TABLE_HEADER_ROW = 4;
    public static final String SERIES_TITLE = "Monthly series";

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle text;
    private final CellStyle textQuoted;
    private final CellStyle wrap;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle subtitle;
    private final CellStyle date;
    private final CellStyle count;
    private final CellStyle decimal;
    private final CellStyle better;
    private final CellStyle worse;
    private final CellStyle narrative;
    private final CellStyle placeholder;
    private final CellStyle link;
    private final CellStyle points;
    private final CellStyle percent;
    private CellStyle syntheticStyle;

    public WorkbookWriter() {
        text = wb.createCellStyle();
        textQuoted = wb.createCellStyle();
        textQuoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = wb.createCellStyle();
        title.setFont(big);
        Font grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        subtitle = wb.createCellStyle();
        subtitle.setFont(grey);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("d mmm yyyy"));
        count = wb.createCellStyle();
        count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.0"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("#,##0.0\"%\""));
        points = wb.createCellStyle();
        points.setDataFormat(wb.createDataFormat().getFormat("+#,##0.0\" pts\";-#,##0.0\" pts\";0.0\" pts\""));
        Font green = wb.createFont();
        green.setColor(IndexedColors.GREEN.getIndex());
        better = wb.createCellStyle();
        better.setFont(green);
        Font red = wb.createFont();
        red.setColor(IndexedColors.RED.getIndex());
        worse = wb.createCellStyle();
        worse.setFont(red);
        narrative = wb.createCellStyle();
        narrative.setWrapText(true);
        narrative.setVerticalAlignment(VerticalAlignment.TOP);
        narrative.setBorderLeft(BorderStyle.MEDIUM);
        narrative.setLeftBorderColor(IndexedColors.LIGHT_BLUE.getIndex());
        placeholder = wb.createCellStyle();
        placeholder.cloneStyleFrom(narrative);
        placeholder.setFont(grey);
        placeholder.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        placeholder.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(blue);
    }

    public void write(PackData d, Narrative n, Path target) throws IOException {
        contents(d);
        for (Section s : d.sections) {
            area(d, n, s);
        }
        definitions(d);
        dataQuality(d);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            wb.write(out);
        }
        wb.close();
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void contents(PackData d) {
        XSSFSheet sh = wb.createSheet("Contents");
        int r = 0;
        text(sh, r++, 0, "Self-evaluation data pack " + d.year + ": " + d.who(), title);
        text(sh, r++, 0, "Children's social care. Data as at " + (d.asAt == null ? "unknown" : d.asAt)
                + "; generated " + LocalDateTime.now().withNano(0) + " by csc-warehouse.", subtitle);
        synthetic(sh, r++, d);
        row(sh, r++, header, "Sheet", "What it holds");
        for (Section s : d.sections) {
            Row row = sh.createRow(r++);
            Cell c = row.createCell(0);
            c.setCellValue(s.sheetName());
            Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress("'" + s.sheetName() + "'!A1");
            c.setHyperlink(h);
            c.setCellStyle(link);
            int k = d.rows(s).size();
            cellText(row, 1, s.title() + ": " + (k == 0 ? "no indicators built yet" : k + " indicators")
                    + ", comparison table, narrative, monthly series and charts", text);
        }
        for (String[] other : new String[][] {{"Definitions", "Every indicator's definition, source and comparability"},
            {"Data quality", "Build, extracts, completeness and comparator checks"}}) {
            Row row = sh.createRow(r++);
            Cell c = row.createCell(0);
            c.setCellValue(other[0]);
            Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress("'" + other[0] + "'!A1");
            c.setHyperlink(h);
            c.setCellStyle(link);
            cellText(row, 1, other[1], text);
        }
        r++;
        text(sh, r++, 0, "How to read the comparisons", header);
        for (String line : comparatorNotes(d)) {
            text(sh, r++, 0, line, text);
        }
        r++;
        if (!d.neighbours.isEmpty()) {
            row(sh, r++, header, "Statistical neighbour (" + d.snModel + ")", "Code", "Closeness");
            for (PackData.Neighbour nb : d.neighbours) {
                row(sh, r++, text, nb.rank() + ". " + nb.name(), nb.code(), nb.closeness());
            }
        }
        sh.setColumnWidth(0, 40 * 256);
        sh.setColumnWidth(1, 90 * 256);
        sh.setColumnWidth(2, 18 * 256);
        sh.createFreezePane(0, 4);
    }

    static List<String> comparatorNotes(PackData d) {
        return List.of(
                "This year to date and last year: the warehouse's own figures (marts.indicator_values), financial years April to March.",
                "Change: this year minus last year, coloured by the indicator's polarity (green better, red worse, black where neither is better); for a percentage it is in percentage points (pts).",
                "Our last published" + (d.provenance.synthetic() ? " (here " + d.authority.label() + "'s real figure)" : "")
                        + ", England, statistical neighbours and region: DfE's published figures (LAIT) for the latest year published, shown in 'Published year'.",
                "Statistical neighbours: the simple mean of the published values of " + d.authority.label()
                        + "'s ten DfE statistical neighbours for that year (" + (d.snModel == null ? "model unknown" : d.snModel)
                        + " for " + d.year + "); 'Neighbours with a value' says how many had one.",
                "Rank: " + d.authority.label() + "'s published rank among English local authorities (1 = best by the indicator's polarity); quartile 1 = best quarter. Not ranked where neither high nor low is better.",
                "Counts: England's and the region's figures are totals of many authorities, so they are not shown beside a count and no chart of a count carries a reference line; compare the rate or share.",
                "Monthly series are local measures: DfE publishes years. A count or flow rate for a month is not comparable with a year, nor is a share of children with something 'during the year' (went missing, 3 or more placements: a month is a shorter window), so only other percentages, rates and averages at a snapshot carry England and neighbour reference lines.");
    }

    private void area(PackData d, Narrative n, Section s) {
        XSSFSheet sh = wb.createSheet(s.sheetName());
        List<PackData.Row> rows = d.rows(s);
        text(sh, 0, 0, s.title(), title);
        text(sh, 1, 0, d.who() + ", " + d.year + (d.asAt == null ? "" : ", data as at " + d.asAt)
                + ". Comparators: DfE published figures; region " + (d.authority.regionName() == null ? "unknown"
                : d.authority.regionName()) + ".", subtitle);
        List<String> columns = new java.util.ArrayList<>(TABLE_HEADER);
        columns.set(1, d.thisYearHeading() + " (" + d.year + ")");
        columns.set(2, "Last year (" + d.lastYear + ")");
        columns.set(3, "Change (% points for %)");
        columns.set(5, publishedHeading(d));
        if (d.authority.regionName() != null) {
            columns.set(9, d.authority.regionName());
        }
        synthetic(sh, 2, d);
        row(sh, TABLE_HEADER_ROW, header, columns.toArray(String[]::new));
        int r = TABLE_HEADER_ROW + 1;
        if (rows.isEmpty()) {
            text(sh, r++, 0, "No indicators of this area are built yet.", subtitle);
        }
        for (PackData.Row x : rows) {
            Row row = sh.createRow(r++);
            cellText(row, 0, x.title(), wrap);
            number(row, 1, x.thisYear(), x.unit());
            number(row, 2, x.lastYear(), x.unit());
            number(row, 3, x.change(), x.unit());
            if (x.change() != null && "percent".equals(x.unit())) {
                row.getCell(3).setCellStyle(points);
            }
            cellText(row, 4, x.changeText(), x.judgement() > 0 ? better : x.judgement() < 0 ? worse : text);
            number(row, 5, x.published(), x.unit());
            cellText(row, 6, x.publishedPeriod() == null ? x.comparatorYear() : x.publishedPeriod(), text);
            number(row, 7, x.england(), x.unit());
            number(row, 8, x.snAverage(), x.unit());
            number(row, 9, x.region(), x.unit());
            if (x.rank() != null) {
                row.createCell(10).setCellValue(x.rank());
                row.createCell(11).setCellValue(x.quartile());
            }
            if (x.snAverage() != null) {
                cellText(row, 12, x.snWithValue() + " of 10", text);
            }
            String note = x.note() == null ? "" : x.note();
            if (Boolean.FALSE.equals(x.thisYearComplete())) {
                note = "Year to date. " + note;
            }
            if (x.rank() != null) {
                note += " Rank " + x.rank() + " of " + x.ranked() + " in " + x.comparatorYear() + ".";
            }
            cellText(row, 13, note.strip(), wrap);
            cellText(row, 14, x.code(), text);
        }
        r++;
        for (String heading : Narrative.HEADINGS) {
            text(sh, r++, 0, heading, header);
            String t = n.get(s, heading);
            Row row = sh.createRow(r);
            cellText(row, 0, t == null ? Narrative.PLACEHOLDER : t, t == null ? placeholder : narrative);
            sh.addMergedRegion(new CellRangeAddress(r, r, 0, 9));
            int lines = t == null ? 1 : Math.max(1, t.split("\n").length + t.length() / 160);
            row.setHeightInPoints(Math.min(400, 15f * lines + 4));
            r += 2;
        }
        text(sh, r++, 0, SERIES_TITLE, title);
        row(sh, r++, header, SERIES_HEADER.toArray(String[]::new));
        int chartRow = TABLE_HEADER_ROW;
        for (PackData.Row x : d.charted(s)) {
            List<PackData.Month> months = d.months(x.code());
            int first = r;
            for (PackData.Month m : months) {
                Row row = sh.createRow(r++);
                cellText(row, 0, x.code(), text);
                cellText(row, 1, x.title(), text);
                cellText(row, 2, m.label(), text);
                Cell dc = row.createCell(3);
                dc.setCellValue(m.start());
                dc.setCellStyle(date);
                number(row, 4, m.value(), x.unit());
                if (m.numerator() != null) {
                    number(row, 5, m.numerator().doubleValue(), "count");
                }
                if (m.denominator() != null) {
                    number(row, 6, m.denominator().doubleValue(), "count");
                }
                row.createCell(7).setCellValue(m.complete());
                if (ChartRenderer.showsReferenceLines(x)) {
                    number(row, 8, x.england(), x.unit());
                    number(row, 9, x.snAverage(), x.unit());
                }
            }
            int last = r - 1;
            chart(sh, x, first, last, chartRow);
            chartRow += 18;
        }
        int[] widths = {46, 13, 13, 10, 16, 13, 12, 12, 14, 12, 10, 10, 12, 60, 34};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        sh.getRow(TABLE_HEADER_ROW).setHeightInPoints(32);
        sh.createFreezePane(1, TABLE_HEADER_ROW + 1);
    }

    private void chart(XSSFSheet sh, PackData.Row x, int first, int last, int atRow) {
        XSSFDrawing drawing = sh.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 16, atRow, 26, atRow + 17);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(x.title());
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        bottom.setTitle("Month");
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle(ChartRenderer.unitLabel(x.unit()));
        XDDFDataSource<String> months = XDDFDataSourcesFactory.fromStringCellRange(sh,
                new CellRangeAddress(first, last, 2, 2));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        data.setVaryColors(false);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sh,
                new CellRangeAddress(first, last, 4, 4));
        XDDFLineChartData.Series local = (XDDFLineChartData.Series) data.addSeries(months, values);
        local.setTitle("Monthly (local)", null);
        local.setSmooth(false);
        local.setMarkerStyle(MarkerStyle.CIRCLE);
        if (ChartRenderer.showsReferenceLines(x)) {
            if (x.england() != null) {
                XDDFLineChartData.Series e = (XDDFLineChartData.Series) data.addSeries(months,
                        XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(first, last, 8, 8)));
                e.setTitle("England " + x.comparedPeriod(), null);
                e.setSmooth(false);
                e.setMarkerStyle(MarkerStyle.NONE);
            }
            if (x.snAverage() != null) {
                XDDFLineChartData.Series sn = (XDDFLineChartData.Series) data.addSeries(months,
                        XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(first, last, 9, 9)));
                sn.setTitle("Statistical neighbours " + x.comparedPeriod(), null);
                sn.setSmooth(false);
                sn.setMarkerStyle(MarkerStyle.NONE);
            }
        }
        chart.plot(data);
    }

    private void definitions(PackData d) {
        XSSFSheet sh = wb.createSheet("Definitions");
        text(sh, 0, 0, "Definitions and sources", title);
        synthetic(sh, 1, d);
        row(sh, 2, header, "Indicator code", "Area", "Indicator", "Unit", "Polarity", "Definition", "LAIT measure",
                "Published source", "Comparability");
        int r = 3;
        for (PackData.Definition x : d.definitions) {
            Row row = sh.createRow(r++);
            String[] v = {x.code(), x.area(), x.title(), x.unit(), x.polarity(), x.definition(), x.laitMeasure(),
                x.source(), x.note()};
            for (int i = 0; i < v.length; i++) {
                cellText(row, i, v[i], i == 5 || i == 2 ? wrap : text);
            }
        }
        int[] widths = {34, 18, 40, 14, 16, 80, 24, 50, 50};
        for (int i = 0; i < widths.length; i++) {
            sh.setColumnWidth(i, widths[i] * 256);
        }
        sh.createFreezePane(1, 3);
    }

    private void dataQuality(PackData d) {
        XSSFSheet sh = wb.createSheet("Data quality");
        text(sh, 0, 0, "Data quality", title);
        synthetic(sh, 1, d);
        row(sh, 2, header, "Check", "Status", "Detail");
        int r = 3;
        for (PackData.Check c : d.checks) {
            row(sh, r++, wrap, c.check(), c.status(), c.detail());
        }
        sh.setColumnWidth(0, 44 * 256);
        sh.setColumnWidth(1, 18 * 256);
        sh.setColumnWidth(2, 110 * 256);
        sh.createFreezePane(0, 3);
    }

    /** "Our last published", or, for a synthetic authority, whose real figures those are. */
    static String publishedHeading(PackData d) {
        return d.provenance.synthetic() ? d.authority.label() + "'s real published figure" : "Our last published";
    }

    /**
     * On a synthetic authority's workbook: the banner in a free row near the top of the sheet, the tag in
     * the printed page header, and a red tab, so no sheet copied or printed alone loses it.
     */
    private void synthetic(XSSFSheet sh, int r, PackData d) {
        if (!d.provenance.synthetic()) {
            return;
        }
        if (syntheticStyle == null) {
            Font white = wb.createFont();
            white.setBold(true);
            white.setColor(IndexedColors.WHITE.getIndex());
            syntheticStyle = wb.createCellStyle();
            syntheticStyle.setFont(white);
            syntheticStyle.setFillForegroundColor(IndexedColors.DARK_RED.getIndex());
            syntheticStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        text(sh, r, 0, d.provenance.banner(d.authority.name()), syntheticStyle);
        for (int col = 1; col <= 9; col++) {
            sh.getRow(r).createCell(col).setCellStyle(syntheticStyle);
        }
        sh.getHeader().setCenter(d.provenance.tag());
        sh.setTabColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] {(byte) 0xb3, 0x26, 0x1e}, null));
    }

    private void number(Row row, int col, Double v, String unit) {
        if (v == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(v);
        c.setCellStyle("count".equals(unit) && v == Math.rint(v) ? count : "percent".equals(unit) ? percent : decimal);
    }

    private void text(XSSFSheet sh, int r, int col, String value, CellStyle style) {
        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        cellText(row, col, value, style);
    }

    private void row(XSSFSheet sh, int r, CellStyle style, String... values) {
        Row row = sh.getRow(r) == null ? sh.createRow(r) : sh.getRow(r);
        for (int i = 0; i < values.length; i++) {
            cellText(row, i, values[i], style);
        }
    }

    /** A text cell; text Excel would read as a formula (= + - @ tab CR) is stored with a quote prefix. */
    private void cellText(Row row, int col, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (isFormulaLike(value)) {
            XSSFCellStyle quoted = wb.createCellStyle();
            quoted.cloneStyleFrom(style);
            quoted.setQuotePrefixed(true);
            c.setCellStyle(quoted);
        } else {
            c.setCellStyle(style);
        }
    }

    public static boolean isFormulaLike(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    static LocalDate unused() {
        return null;
    }
}
