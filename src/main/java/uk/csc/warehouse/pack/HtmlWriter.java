package uk.csc.warehouse.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The pack as one self-contained HTML page: no script, no font or image fetched from anywhere, charts as
 * inline SVG. Printing it (or "Save as PDF") starts each area on a new page; tables do not split rows.
 */
public final class HtmlWriter {
    private HtmlWriter() {}

    private static final String CSS = """
            body{font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;margin:0 auto;max-width:1180px;padding:24px;line-height:1.35}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;border-bottom:3px solid #1f4e79;padding-bottom:4px;margin-top:8px}
            h3{font-size:16px;margin:18px 0 6px}.sub{color:#555;font-style:italic;margin:0 0 14px}
            table{border-collapse:collapse;width:100%;font-size:12.5px;margin:6px 0 10px}
            th{background:#e7ecf2;text-align:left;vertical-align:bottom;padding:5px 6px;border-bottom:2px solid #1f4e79}
            td{padding:4px 6px;border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right;white-space:nowrap}
            tr{page-break-inside:avoid;break-inside:avoid}.better{color:#1e7b34;font-weight:bold}.worse{color:#b3261e;font-weight:bold}
            .note{color:#555;font-size:11.5px}.ytd{color:#8a5a00}
            .narrative{border-left:4px solid #7fa7cf;background:#f6f9fc;padding:8px 12px;margin:4px 0 10px;white-space:pre-wrap}
            .todo{border-left:4px solid #d4a017;background:#fff8e1;color:#6b5a00;font-style:italic}
            .charts{display:grid;grid-template-columns:1fr 1fr;gap:14px}.chart{margin:0;border:1px solid #e3e3e3;padding:4px;page-break-inside:avoid;break-inside:avoid}
            .chart svg{width:100%;height:auto;display:block}
            section.area{page-break-before:always;break-before:page}nav ol{columns:2}
            .synthetic{background:#b3261e;color:#fff;font-weight:bold;padding:8px 12px;margin:6px 0 12px;border-radius:3px}
            .pill{display:inline-block;background:#eef2f6;border-radius:10px;padding:1px 8px;margin:1px;font-size:12px}
            @media print{body{max-width:none;padding:0;font-size:11px}a{color:inherit;text-decoration:none}
              .charts{grid-template-columns:1fr 1fr}h2{margin-top:0}@page{size:A4 landscape;margin:12mm}}
            """;

    public static void write(PackData d, Narrative n, Map<String, ChartRenderer.Chart> charts, Path target)
            throws IOException {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc((d.provenance.synthetic() ? "SYNTHETIC - " : "")
                        + "Self-evaluation data pack " + d.year + ": " + d.who()))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header>");
        synthetic(h, d);
        h.append("<h1>Self-evaluation data pack ").append(esc(d.year)).append("</h1>")
                .append("<p class=\"sub\">").append(esc(d.who())).append(", children's social care. Data as at ")
                .append(esc(d.asAt == null ? "unknown" : d.asAt.toString())).append("; generated ")
                .append(esc(LocalDateTime.now().withNano(0).toString())).append(" by csc-warehouse.</p></header>\n");
        h.append("<nav><h3>Contents</h3><ol>");
        for (Section s : d.sections) {
            h.append("<li><a href=\"#").append(esc(s.key())).append("\">").append(esc(s.title())).append("</a> (")
                    .append(d.rows(s).size()).append(" indicators)</li>");
        }
        h.append("<li><a href=\"#definitions\">Definitions</a></li><li><a href=\"#data-quality\">Data quality</a></li></ol></nav>\n");
        h.append("<h3>How to read the comparisons</h3><ul>");
        for (String line : WorkbookWriter.comparatorNotes(d)) {
            h.append("<li>").append(esc(line)).append("</li>");
        }
        h.append("</ul>");
        if (!d.neighbours.isEmpty()) {
            h.append("<p>Statistical neighbours (").append(esc(d.snModel)).append("): ");
            for (PackData.Neighbour nb : d.neighbours) {
                h.append("<span class=\"pill\">").append(nb.rank()).append(". ").append(esc(nb.name()))
                        .append(" <span class=\"note\">").append(esc(nb.closeness())).append("</span></span> ");
            }
            h.append("</p>\n");
        }
        for (Section s : d.sections) {
            area(h, d, n, s, charts);
        }
        definitions(h, d);
        dataQuality(h, d);
        h.append("</body></html>\n");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, h, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The synthetic-data banner, at the top of the page and of every area (each prints as its own page). */
    private static void synthetic(StringBuilder h, PackData d) {
        if (d.provenance.synthetic()) {
            h.append("<p class=\"synthetic\" role=\"alert\">").append(esc(d.provenance.banner(d.authority.name()))).append("</p>\n");
        }
    }

    private static void area(StringBuilder h, PackData d, Narrative n, Section s, Map<String, ChartRenderer.Chart> charts) {
        h.append("<section class=\"area\" id=\"").append(esc(s.key())).append("\"><h2>").append(esc(s.title()))
                .append("</h2>\n");
        synthetic(h, d);
        List<PackData.Row> rows = d.rows(s);
        if (rows.isEmpty()) {
            h.append("<p class=\"sub\">No indicators of this area are built yet.</p>");
        } else {
            h.append("<table><thead><tr><th>Indicator</th><th>").append(esc(d.thisYearHeading())).append("<br>")
                    .append(esc(d.year))
                    .append("</th><th>Last year<br>").append(esc(d.lastYear)).append("</th><th>Change</th>")
                    .append("<th>").append(esc(WorkbookWriter.publishedHeading(d))).append("</th><th>England</th><th>Statistical neighbours</th><th>")
                    .append(esc(d.authority.regionName() == null ? "Region" : d.authority.regionName()))
                    .append("</th><th>Rank (1 = best)</th><th>Notes</th></tr></thead><tbody>\n");
            for (PackData.Row r : rows) {
                String unit = r.unit();
                h.append("<tr><td>").append(esc(r.title())).append("<br><span class=\"note\">").append(esc(r.code()))
                        .append("</span></td>");
                h.append("<td class=\"n").append(Boolean.FALSE.equals(r.thisYearComplete()) ? " ytd" : "").append("\">")
                        .append(num(r.thisYear(), unit)).append("</td>");
                h.append("<td class=\"n\">").append(num(r.lastYear(), unit)).append("</td>");
                String cls = r.judgement() > 0 ? "better" : r.judgement() < 0 ? "worse" : "";
                h.append("<td class=\"n ").append(cls).append("\">");
                if (r.change() != null) {
                    h.append(r.change() > 0 ? "&#9650; " : r.change() < 0 ? "&#9660; " : "")
                            .append(change(r.change(), unit)).append("<br><span class=\"note\">")
                            .append(esc(r.changeText())).append("</span>");
                }
                h.append("</td>");
                h.append("<td class=\"n\">").append(num(r.published(), unit));
                if (r.published() != null) {
                    h.append("<br><span class=\"note\">").append(esc(r.publishedPeriod())).append("</span>");
                }
                h.append("</td><td class=\"n\">").append(num(r.england(), unit)).append("</td>");
                h.append("<td class=\"n\">").append(num(r.snAverage(), unit));
                if (r.snAverage() != null && r.snWithValue() < 10) {
                    h.append("<br><span class=\"note\">").append(r.snWithValue()).append(" of 10</span>");
                }
                h.append("</td><td class=\"n\">").append(num(r.region(), unit)).append("</td>");
                h.append("<td class=\"n\">");
                if (r.rank() != null) {
                    h.append(r.rank()).append(" of ").append(r.ranked()).append("<br><span class=\"note\">quartile ")
                            .append(r.quartile()).append("</span>");
                }
                h.append("</td><td class=\"note\">");
                if (Boolean.FALSE.equals(r.thisYearComplete())) {
                    h.append("<b>Year to date.</b> ");
                }
                h.append(esc(r.note() == null ? "" : r.note())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        for (String heading : Narrative.HEADINGS) {
            h.append("<h3>").append(esc(heading)).append("</h3>");
            String t = n.get(s, heading);
            if (t == null) {
                h.append("<div class=\"narrative todo\">").append(esc(Narrative.PLACEHOLDER)).append("</div>\n");
            } else {
                h.append("<div class=\"narrative\">").append(esc(t)).append("</div>\n");
            }
        }
        List<PackData.Row> charted = d.charted(s);
        if (!charted.isEmpty()) {
            h.append("<h3>Monthly series</h3><div class=\"charts\">\n");
            for (PackData.Row r : charted) {
                ChartRenderer.Chart c = charts.get(r.code());
                if (c != null) {
                    h.append("<figure class=\"chart\">").append(c.svg()).append("</figure>\n");
                }
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static void definitions(StringBuilder h, PackData d) {
        h.append("<section class=\"area\" id=\"definitions\"><h2>Definitions</h2><table><thead><tr><th>Indicator</th>")
                .append("<th>Unit</th><th>Polarity</th><th>Definition</th><th>Source</th><th>Comparability</th></tr></thead><tbody>");
        for (PackData.Definition x : d.definitions) {
            h.append("<tr><td>").append(esc(x.title())).append("<br><span class=\"note\">").append(esc(x.code()))
                    .append("</span></td><td>").append(esc(x.unit())).append("</td><td>").append(esc(x.polarity()))
                    .append("</td><td>").append(esc(x.definition())).append("</td><td class=\"note\">")
                    .append(esc(x.laitMeasure() == null ? "" : "LAIT " + x.laitMeasure())).append("<br>")
                    .append(esc(x.source())).append("</td><td class=\"note\">").append(esc(x.note())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void dataQuality(StringBuilder h, PackData d) {
        h.append("<section class=\"area\" id=\"data-quality\"><h2>Data quality</h2><table><thead><tr><th>Check</th>")
                .append("<th>Status</th><th>Detail</th></tr></thead><tbody>");
        for (PackData.Check c : d.checks) {
            h.append("<tr><td>").append(esc(c.check())).append("</td><td>").append(esc(c.status())).append("</td><td>")
                    .append(esc(c.detail())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    static String num(Double v, String unit) {
        if (v == null) {
            return "&ndash;";
        }
        String s = "count".equals(unit) && v == Math.rint(v) ? String.format("%,d", v.longValue()) : String.format("%,.1f", v);
        return "percent".equals(unit) ? s + "%" : s;
    }

    /** A change: percentage points for a percentage (92.2% to 91.8% is -0.4 pts, not -0.4%). */
    static String change(Double v, String unit) {
        if (v == null) {
            return "&ndash;";
        }
        return "percent".equals(unit) ? String.format("%,.1f pts", v) : num(v, unit);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
