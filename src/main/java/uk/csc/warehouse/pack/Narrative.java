package uk.csc.warehouse.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human part of the pack. {@code narrative.md} beside the pack has one {@code ## <area>} section per
 * area with three {@code ###} headings (what we know, how we know it, our plans for the next 12 months).
 * The pack writes it once, with prompts in HTML comments, and never overwrites it; each run merges what
 * the users wrote into the workbook and the HTML page. Text is shown as written, never interpreted.
 */
public final class Narrative {
    public static final List<String> HEADINGS = List.of("What we know", "How we know it",
            "Our plans for the next 12 months");
    public static final String PLACEHOLDER = "[to be written: edit narrative.md beside this pack and run pack again]";

    private final Map<String, Map<String, String>> text;

    private Narrative(Map<String, Map<String, String>> text) {
        this.text = text;
    }

    /** The users' text for a section heading, or null if not written yet. */
    public String get(Section s, String heading) {
        String t = text.getOrDefault(s.title().toLowerCase(), Map.of()).get(heading.toLowerCase());
        return t == null || t.isBlank() ? null : t;
    }

    public static String template(List<Section> sections, String year) {
        StringBuilder b = new StringBuilder();
        b.append("# Self-evaluation ").append(year).append(": narrative\n\n");
        b.append("<!-- Write under each heading; keep the ## and ### headings as they are. Text inside these\n")
                .append("     comment markers is ignored. Run `pack` again to merge it into the workbook and page.\n")
                .append("     This file is never overwritten. -->\n\n");
        for (Section s : sections) {
            b.append("## ").append(s.title()).append("\n\n");
            b.append("### What we know\n\n<!-- The quality and impact of social work practice in this area. -->\n\n");
            b.append("### How we know it\n\n<!-- Audits, performance data, feedback from children, families and staff. -->\n\n");
            b.append("### Our plans for the next 12 months\n\n<!-- What we will do to maintain or improve practice. -->\n\n");
        }
        return b.toString();
    }

    /** Reads {@code file}, first creating it from the template if it does not exist (never overwriting). */
    public static Narrative load(Path file, List<Section> sections, String year) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, template(sections, year), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file); // no REPLACE_EXISTING: a file written meanwhile wins
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Narrative parse(String markdown) {
        String body = markdown.replace("\r\n", "\n").replaceAll("(?s)<!--.*?-->", "");
        Map<String, Map<String, String>> text = new LinkedHashMap<>();
        String section = null;
        String heading = null;
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("## ") || line.startsWith("### ") || line.startsWith("# ")) {
                if (section != null && heading != null) {
                    text.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(heading, current.toString().strip());
                }
                current.setLength(0);
                if (line.startsWith("## ")) {
                    section = line.substring(3).strip().toLowerCase();
                    heading = null;
                } else if (line.startsWith("### ")) {
                    heading = line.substring(4).strip().toLowerCase();
                } else {
                    section = null;
                    heading = null;
                }
            } else if (heading != null) {
                current.append(line).append('\n');
            }
        }
        if (section != null && heading != null) {
            text.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(heading, current.toString().strip());
        }
        return new Narrative(text);
    }
}
