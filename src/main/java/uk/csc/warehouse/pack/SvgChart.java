package uk.csc.warehouse.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small hand-written SVG line chart for the HTML page: real text (selectable, searchable, a few KB),
 * where XChart's vector export draws every glyph as a path (~170 KB a chart). Same content as the PNG:
 * the monthly series and, where comparable, England and statistical-neighbour reference lines.
 */
final class SvgChart {
    private static final int W = 640;
    private static final int H = 320;
    private static final int L = 62;
    private static final int R = 16;
    private static final int T = 34;
    private static final int B = 78;

    private SvgChart() {}

    static String render(PackData.Row r, List<PackData.Month> months, String who) {
        List<PackData.Month> pts = months.stream().filter(m -> m.value() != null).toList();
        List<Double> all = new ArrayList<>();
        pts.forEach(m -> all.add(m.value()));
        boolean lines = ChartRenderer.showsReferenceLines(r);
        if (lines && r.england() != null) {
            all.add(r.england());
        }
        if (lines && r.snAverage() != null) {
            all.add(r.snAverage());
        }
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double min = Math.min(0, all.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double step = niceStep((max - min) / 5);
        double top = Math.ceil(max / step) * step;
        if (top <= min) {
            top = min + step;
        }
        double bottom = Math.floor(min / step) * step;
        int pw = W - L - R;
        int ph = H - T - B;
        StringBuilder s = new StringBuilder(6000);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(HtmlWriter.esc(r.title())).append("\" ")
                .append("font-family=\"Arial,Helvetica,sans-serif\" font-size=\"11\">");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        s.append("<text x=\"").append(W / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(HtmlWriter.esc(r.title())).append("</text>");
        for (double v = bottom; v <= top + step / 2; v += step) {
            double y = T + ph - (v - bottom) / (top - bottom) * ph;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>", L, W - R, y, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%s</text>",
                    L - 6, y + 4, label(v, step)));
        }
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\" fill=\"#444\">%s</text>",
                T + ph / 2, HtmlWriter.esc(ChartRenderer.unitLabel(r.unit()))));
        int n = months.size();
        double dx = n <= 1 ? 0 : (double) pw / (n - 1);
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0 || i == n - 1) {
                double x = L + i * dx;
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%s</text>",
                        x, T + ph + 16, months.get(i).start().format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", Locale.UK))));
            }
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>", L, W - R, T + ph, T + ph));
        List<String[]> legend = new ArrayList<>();
        if (lines && r.england() != null) {
            double y = T + ph - (r.england() - bottom) / (top - bottom) * ph;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", L, W - R, y, y));
            legend.add(new String[] {"#c0392b", "England " + r.comparatorYear() + " (" + label(r.england(), 0.1) + ")", "dash"});
        }
        if (lines && r.snAverage() != null) {
            double y = T + ph - (r.snAverage() - bottom) / (top - bottom) * ph;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#2e8b57\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>", L, W - R, y, y));
            legend.add(new String[] {"#2e8b57", "Statistical neighbours " + r.comparatorYear() + " (" + label(r.snAverage(), 0.1) + ")", "dot"});
        }
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Double v = months.get(i).value();
            if (v == null) {
                continue;
            }
            double x = L + i * dx;
            double y = T + ph - (v - bottom) / (top - bottom) * ph;
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"#1f4e79\"><title>%s: %s</title></circle>",
                    x, y, months.get(i).label(), label(v, 0.1)));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>").append(dots);
        legend.add(0, new String[] {"#1f4e79", who + " (monthly, local)", "solid"});
        int lx = L;
        int ly = H - 22;
        for (String[] item : legend) {
            String dash = item[2].equals("dash") ? " stroke-dasharray=\"6 4\"" : item[2].equals("dot") ? " stroke-dasharray=\"2 3\"" : "";
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                    lx, lx + 22, ly, ly, item[0], dash));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#222\">%s</text>", lx + 27, ly + 4,
                    HtmlWriter.esc(item[1])));
            lx += 40 + item[1].length() * 6;
        }
        s.append("</svg>");
        return s.toString();
    }

    static double niceStep(double raw) {
        if (raw <= 0 || Double.isNaN(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    static String label(double v, double step) {
        if (step >= 1 && v == Math.rint(v)) {
            return String.format(Locale.UK, "%,d", (long) v);
        }
        return String.format(Locale.UK, "%,.1f", v);
    }
}
