package uk.csc.warehouse.pack;

import java.io.IOException;
import java.util.List;

/**
 * Draws an indicator's monthly series (last year and this year) with England's and the statistical
 * neighbours' published annual figures as flat reference lines, where a month is comparable with a year
 * (a percentage or a snapshot; not a monthly count or a flow rate). Headless, from one layout
 * ({@link SvgChart}): a PNG for pasting into a committee report and inline SVG for the HTML page.
 *
 * <p>XChart drew the PNGs until its axis put "Mar 23" before April's first point and, with month labels,
 * looped for ever looking for unique tick labels on a sparse series; the PNG is now the SVG's twin.
 */
public final class ChartRenderer {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public record Chart(String code, byte[] png, String svg) {
    }

    private ChartRenderer() {}

    static boolean showsReferenceLines(PackData.Row r) {
        // a month of a count beside England's (or the neighbours') annual figure says nothing: rates and shares only
        return r.monthlyComparable() && PackData.comparableWithAreas(r.unit())
                && (r.england() != null || r.snAverage() != null);
    }

    /** tag: {@link uk.csc.warehouse.output.Provenance#tag()}, drawn on the chart itself so a pasted PNG keeps it. */
    public static Chart render(PackData.Row r, List<PackData.Month> months, String authorityName, String tag)
            throws IOException {
        return new Chart(r.code(), SvgChart.png(r, months, authorityName, tag),
                SvgChart.render(r, months, authorityName, tag));
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
