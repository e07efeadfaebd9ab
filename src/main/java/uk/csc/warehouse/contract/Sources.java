package uk.csc.warehouse.contract;

import java.util.List;
import java.util.TreeSet;
import uk.csc.warehouse.support.ClasspathFolder;

/**
 * The source systems, derived from {@code schemas/<source>/}: one folder of contracts per system, one inbox folder
 * per system ({@code inbox/<source>/}), one {@code sftp.<source>.*} / {@code jdbc.<source>.*} section. Adding a
 * source is adding its schemas folder; nothing else lists them.
 */
public final class Sources {
    /** case, complaints, hr (in name order). */
    public static final List<String> ALL = fromSchemas();

    private Sources() {}

    private static List<String> fromSchemas() {
        TreeSet<String> sources = new TreeSet<>();
        for (String resource : ClasspathFolder.list("schemas", ".yml")) {
            String[] parts = resource.split("/");
            if (parts.length == 3 && !parts[2].startsWith("_")) {
                sources.add(parts[1]);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no extract contracts under schemas/<source>/ on the classpath");
        }
        return List.copyOf(sources);
    }
}
