package uk.csc.warehouse.pack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small hand-written line chart, drawn once as SVG for the HTML page (real text: selectable, searchable,
 * a few KB) and once, from the same layout, as a PNG for the committee report: the monthly series and,
 * where comparable, England and statistical-neighbour reference lines. One layout for both, so the picture
 * pasted into a report is the one on the page; no charting library's tick or legend heuristics.
 */
final class SvgChart {
    private static final int W = 640;
    private static final int H = 320;
    private static final int L = 62;
    private static final int R = 30;
    private static final int T0 = 34;
    /** A title longer than this goes on two lines. */
    private static final int TITLE_CHARS = 62;
    private static final int B = 78;
    /** PNG pixels per layout unit: 960 x 480, sharp enough pasted into a report at half a page wide. */
    static final double PNG_SCALE = 1.5;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    private SvgChart() {}

    /** What a chart is drawn with: SVG text or Java 2D. Coordinates are layout units (640 x 320). */
    interface Canvas {
        void line(double x1, double y1, double x2, double y2, String colour, double width, float[] dash);

        /** anchor: start, middle or end; rotate: degrees about (x, y). */
        void text(double x, double y, String text, String anchor, int size, boolean bold, String colour, int rotate);

        void path(List<double[]> points, String colour, double width);

        void dot(double x, double y, double r, String colour, String title);
    }

    static String render(PackData.Row r, List<PackData.Month> months, String who, String tag) {
        StringBuilder s = new StringBuilder(6000);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(HtmlWriter.esc(r.title())).append("\" ")
                .append("font-family=\"Arial,Helvetica,sans-serif\" font-size=\"13\">");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        draw(r, months, who, tag, new SvgCanvas(s));
        s.append("</svg>");
        return s.toString();
    }

    static byte[] png(PackData.Row r, List<PackData.Month> months, String who, String tag) throws IOException {
        BufferedImage img = new BufferedImage((int) (W * PNG_SCALE), (int) (H * PNG_SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(PNG_SCALE, PNG_SCALE);
            draw(r, months, who, tag, new G2Canvas(g));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** tag: a label no reader may miss (synthetic data), drawn in red under the legend; empty for none. */
    static void draw(PackData.Row r, List<PackData.Month> months, String who, String tag, Canvas c) {
        List<Double> all = new ArrayList<>();
        months.stream().filter(m -> m.value() != null).forEach(m -> all.add(m.value()));
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
        List<String> title = wrap(r.title() == null ? r.code() : r.title(), TITLE_CHARS);
        int T = T0 + 17 * (title.size() - 1);
        int pw = W - L - R;
        int ph = H - T - B;
        for (int i = 0; i < title.size(); i++) {
            c.text(W / 2.0, 20 + 17 * i, title.get(i), "middle", 15, true, "#1b1b1b", 0);
        }
        for (double v = bottom; v <= top + step / 2; v += step) {
            double y = T + ph - (v - bottom) / (top - bottom) * ph;
            c.line(L, y, W - R, y, "#e3e3e3", 1, null);
            c.text(L - 6, y + 4, label(v, step), "end", 13, false, "#444444", 0);
        }
        c.text(14, T + ph / 2.0, ChartRenderer.unitLabel(r.unit()), "middle", 13, false, "#444444", -90);
        int n = months.size();
        double dx = n <= 1 ? 0 : (double) pw / (n - 1);
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                c.text(L + i * dx, T + ph + 16, months.get(i).start().format(MONTH), "middle", 13, false, "#444444", 0);
            }
        }
        c.line(L, T + ph, W - R, T + ph, "#888888", 1, null);
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {"#1f4e79", who + " (monthly)", "solid"});
        if (lines && r.england() != null) {
            double y = T + ph - (r.england() - bottom) / (top - bottom) * ph;
            c.line(L, y, W - R, y, "#c0392b", 2, new float[] {6, 4});
            legend.add(new String[] {"#c0392b", "England " + r.comparedPeriod() + ": " + label(r.england(), 0.1), "dash"});
        }
        if (lines && r.snAverage() != null) {
            double y = T + ph - (r.snAverage() - bottom) / (top - bottom) * ph;
            c.line(L, y, W - R, y, "#2e8b57", 2, new float[] {2, 3});
            legend.add(new String[] {"#2e8b57", "Neighbours " + r.comparedPeriod() + ": " + label(r.snAverage(), 0.1), "dot"});
        }
        // the line joins consecutive months only: a month with no value is a gap, not a slope
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            Double v = i < n ? months.get(i).value() : null;
            if (v == null) {
                if (run.size() > 1) {
                    c.path(run, "#1f4e79", 2);
                }
                run = new ArrayList<>();
                continue;
            }
            run.add(new double[] {L + i * dx, T + ph - (v - bottom) / (top - bottom) * ph});
        }
        for (int i = 0; i < n; i++) {
            Double v = months.get(i).value();
            if (v != null) {
                c.dot(L + i * dx, T + ph - (v - bottom) / (top - bottom) * ph, 2.6, "#1f4e79",
                        months.get(i).label() + ": " + label(v, 0.1));
            }
        }
        boolean tagged = tag != null && !tag.isEmpty();
        double lx = L;
        double ly = H - 34 - (tagged ? 16 : 0);
        for (String[] item : legend) {
            double width = 40 + Math.ceil(item[1].length() * 7.2);
            if (lx > L && lx + width > W - R) {
                lx = L; // next line rather than off the edge
                ly += 18;
            }
            float[] dash = item[2].equals("dash") ? new float[] {6, 4} : item[2].equals("dot") ? new float[] {2, 3} : null;
            c.line(lx, ly, lx + 22, ly, item[0], 2, dash);
            c.text(lx + 27, ly + 4, item[1], "start", 13, false, "#222222", 0);
            lx += width;
        }
        if (tagged) {
            c.text(W / 2.0, H - 4, tag, "middle", 13, true, "#b3261e", 0);
        }
    }

    /** The title in one line, or two split at the space nearest the middle. */
    static List<String> wrap(String title, int max) {
        if (title.length() <= max) {
            return List.of(title);
        }
        int mid = title.length() / 2;
        int best = -1;
        for (int i = 0; i < title.length(); i++) {
            if (title.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
                best = i;
            }
        }
        return best < 0 ? List.of(title) : List.of(title.substring(0, best), title.substring(best + 1));
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

    private static final class SvgCanvas implements Canvas {
        private final StringBuilder s;

        SvgCanvas(StringBuilder s) {
            this.s = s;
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, float[] dash) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"",
                    x1, x2, y1, y2, colour));
            if (width != 1) {
                s.append(String.format(Locale.ROOT, " stroke-width=\"%.1f\"", width));
            }
            if (dash != null) {
                s.append(String.format(Locale.ROOT, " stroke-dasharray=\"%.0f %.0f\"", dash[0], dash[1]));
            }
            s.append("/>");
        }

        @Override
        public void text(double x, double y, String text, String anchor, int size, boolean bold, String colour, int rotate) {
            s.append("<text");
            if (rotate != 0) {
                s.append(String.format(Locale.ROOT, " transform=\"translate(%.1f %.1f) rotate(%d)\"", x, y, rotate));
            } else {
                s.append(String.format(Locale.ROOT, " x=\"%.1f\" y=\"%.1f\"", x, y));
            }
            if (!anchor.equals("start")) {
                s.append(" text-anchor=\"").append(anchor).append('"');
            }
            if (size != 13) {
                s.append(" font-size=\"").append(size).append('"');
            }
            if (bold) {
                s.append(" font-weight=\"bold\"");
            }
            s.append(" fill=\"").append(colour).append("\">").append(HtmlWriter.esc(text)).append("</text>");
        }

        @Override
        public void path(List<double[]> points, String colour, double width) {
            StringBuilder d = new StringBuilder();
            for (double[] p : points) {
                d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", p[0], p[1]));
            }
            s.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append(String.format(Locale.ROOT, "\" stroke-width=\"%.1f\"/>", width));
        }

        @Override
        public void dot(double x, double y, double r, String colour, String title) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s</title></circle>",
                    x, y, r, colour, HtmlWriter.esc(title)));
        }
    }

    private static final class G2Canvas implements Canvas {
        private final Graphics2D g;

        G2Canvas(Graphics2D g) {
            this.g = g;
        }

        private static Color colour(String hex) {
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String colour, double width, float[] dash) {
            g.setColor(colour(colour));
            g.setStroke(dash == null ? new BasicStroke((float) width)
                    : new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void text(double x, double y, String text, String anchor, int size, boolean bold, String colour, int rotate) {
            g.setColor(colour(colour));
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
            double shift = anchor.equals("middle") ? -w / 2 : anchor.equals("end") ? -w : 0;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (rotate != 0) {
                g.rotate(Math.toRadians(rotate));
            }
            g.drawString(text, (float) shift, 0f);
            g.setTransform(saved);
        }

        @Override
        public void path(List<double[]> points, String colour, double width) {
            if (points.isEmpty()) {
                return;
            }
            Path2D.Double p = new Path2D.Double();
            p.moveTo(points.get(0)[0], points.get(0)[1]);
            for (double[] q : points.subList(1, points.size())) {
                p.lineTo(q[0], q[1]);
            }
            g.setColor(colour(colour));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }

        @Override
        public void dot(double x, double y, double r, String colour, String title) {
            g.setColor(colour(colour));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }
}
