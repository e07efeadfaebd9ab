package uk.csc.warehouse.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws an indicator's monthly series (last year and this year) with England's and the statistical
 * neighbours' published annual figures as flat reference lines, where a month is comparable with a year
 * (a percentage or a snapshot; not a monthly count or a flow rate). XChart, headless: PNG for pasting
 * into a committee report, SVG for the self-contained HTML page.
 */
public final class ChartRenderer {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color LOCAL = new Color(0x1F, 0x4E, 0x79);
    private static final Color ENGLAND = new Color(0xC0, 0x39, 0x2B);
    private static final Color NEIGHBOURS = new Color(0x2E, 0x8B, 0x57);

    public record Chart(String code, byte[] png, String svg) {
    }

    private ChartRenderer() {}

    static boolean showsReferenceLines(PackData.Row r) {
        return r.monthlyComparable() && (r.england() != null || r.snAverage() != null);
    }

    public static XYChart build(PackData.Row r, List<PackData.Month> months, String authorityName) {
        XYChart chart = new XYChartBuilder().width(640).height(320).title(r.title())
                .xAxisTitle("Month").yAxisTitle(unitLabel(r.unit())).build();
        Styler s = chart.getStyler();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setDatePattern("MMM yy");
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setToolTipsEnabled(false);
        s.setAntiAlias(true);
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (PackData.Month m : months) {
            if (m.value() != null) {
                x.add(Date.from(m.start().atStartOfDay().toInstant(ZoneOffset.UTC)));
                y.add(m.value());
            }
        }
        if (x.isEmpty()) {
            return chart;
        }
        XYSeries local = chart.addSeries(authorityName + " (monthly, local)", x, y);
        local.setLineColor(LOCAL);
        local.setMarkerColor(LOCAL);
        local.setMarker(SeriesMarkers.CIRCLE);
        if (showsReferenceLines(r)) {
            List<Date> ends = List.of(x.get(0), x.get(x.size() - 1));
            if (r.england() != null) {
                line(chart, "England " + r.comparatorYear(), ends, r.england(), ENGLAND);
            }
            if (r.snAverage() != null) {
                line(chart, "Statistical neighbours " + r.comparatorYear(), ends, r.snAverage(), NEIGHBOURS);
            }
        }
        double min = Collections.min(y);
        if (min >= 0) {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    private static void line(XYChart chart, String name, List<Date> ends, double value, Color colour) {
        XYSeries s = chart.addSeries(name, ends, List.of(value, value));
        s.setLineColor(colour);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }

    /** PNG by XChart; SVG hand-written (see {@link SvgChart}) so the HTML page stays small and its text real. */
    public static Chart render(PackData.Row r, List<PackData.Month> months, String authorityName) throws IOException {
        XYChart chart = build(r, months, authorityName);
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        return new Chart(r.code(), png, SvgChart.render(r, months, authorityName));
    }

    /** XChart's own vector export (glyphs as paths): kept for anyone who wants an SVG file per chart. */
    public static String xchartSvg(PackData.Row r, List<PackData.Month> months, String authorityName, Path scratch)
            throws IOException {
        XYChart chart = build(r, months, authorityName);
        Files.createDirectories(scratch);
        Path base = Files.createTempFile(scratch, "chart", "");
        Files.delete(base);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Path svgFile = Path.of(base + ".svg");
        String svg = Files.readString(svgFile, StandardCharsets.UTF_8);
        Files.deleteIfExists(svgFile);
        return inlineSvg(svg);
    }

    /** An SVG document made fit to sit inside HTML: no XML prolog or DOCTYPE, scalable to its box. */
    static String inlineSvg(String svg) {
        String s = svg.replaceFirst("(?s)^\\s*<\\?xml.*?\\?>", "").replaceFirst("(?s)<!DOCTYPE[^>]*>", "").strip();
        if (!s.contains("viewBox")) {
            s = s.replaceFirst("<svg ", "<svg viewBox=\"0 0 640 320\" ");
        }
        s = s.replaceFirst("width=\"[^\"]*\"", "width=\"100%\"").replaceFirst("height=\"[^\"]*\"", "height=\"auto\"");
        return s;
    }

    static String unitLabel(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "percent" -> "%";
            case "rate_per_10000" -> "per 10,000 children";
            case "count" -> "number";
            default -> unit.replace('_', ' ');
        };
    }
}
