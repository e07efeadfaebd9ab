package uk.csc.warehouse.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One year's Ofsted Annex A template as data: {@code src/main/resources/annex_a/<year>/template.yml}. It names
 * each sheet, the model that fills it, and for each column the header (row 1, exactly as Ofsted's template has
 * it), the model column, the cell type and, for categories, the vocabulary turning warehouse codes into
 * Ofsted's lettered labels. A year may {@code extends} an earlier one and {@code rename_headers}, so next
 * year's template is a data change.
 */
public record AnnexATemplate(String version, String dateFormat, Map<String, Map<String, String>> vocabularies,
                             List<ListSpec> lists) {

    /** Templates shipped with this build, oldest first. */
    public static final List<String> VERSIONS = List.of("2024", "2025");
    public static final String DEFAULT_VERSION = "2024";

    public enum CellType { STRING, DATE, NUMBER, CATEGORY }

    public record ColumnSpec(String header, String column, CellType type, String vocabulary, boolean required) {
    }

    public record ListSpec(String sheet, String title, String model, List<ColumnSpec> columns) {
        public List<String> headers() {
            return columns.stream().map(ColumnSpec::header).toList();
        }
    }

    /** The label for a warehouse code (a null value looks up the key "null"); null when there is none. */
    public String label(ColumnSpec c, Object value) {
        Map<String, String> v = vocabularies.get(c.vocabulary());
        return v.get(value == null ? "null" : String.valueOf(value));
    }

    /** Every label a category column may hold. */
    public Set<String> allowedValues(ColumnSpec c) {
        return new LinkedHashSet<>(vocabularies.get(c.vocabulary()).values());
    }

    public static AnnexATemplate load(String version) {
        Map<String, Object> raw = resolve(version, 0);
        return build(version, raw);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(String version, int depth) {
        if (depth > 5) {
            throw new IllegalStateException("annex_a templates extend each other in a loop at " + version);
        }
        Map<String, Object> own = read(version);
        Object parent = own.get("extends");
        if (parent == null) {
            return own;
        }
        Map<String, Object> merged = new LinkedHashMap<>(resolve(String.valueOf(parent), depth + 1));
        Map<String, String> renames = (Map<String, String>) own.getOrDefault("rename_headers", Map.of());
        for (Map.Entry<String, Object> e : own.entrySet()) {
            if (!e.getKey().equals("extends") && !e.getKey().equals("rename_headers")) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        if (!renames.isEmpty()) {
            List<Map<String, Object>> lists = new ArrayList<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) merged.get("lists")) {
                Map<String, Object> copy = new LinkedHashMap<>(l);
                List<Map<String, Object>> cols = new ArrayList<>();
                for (Map<String, Object> col : (List<Map<String, Object>>) l.get("columns")) {
                    Map<String, Object> c = new LinkedHashMap<>(col);
                    String header = String.valueOf(c.get("header"));
                    c.put("header", renames.getOrDefault(header, header));
                    cols.add(c);
                }
                copy.put("columns", cols);
                lists.add(copy);
            }
            merged.put("lists", lists);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String version) {
        if (!version.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("unknown Annex A template '" + version + "'; known: " + VERSIONS);
        }
        String resource = "annex_a/" + version + "/template.yml";
        try (InputStream in = AnnexATemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown Annex A template '" + version + "'; known: " + VERSIONS);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static AnnexATemplate build(String version, Map<String, Object> raw) {
        Map<String, Map<String, String>> vocabularies = new LinkedHashMap<>();
        ((Map<String, Object>) raw.get("vocabularies")).forEach((name, entries) -> {
            Map<String, String> v = new LinkedHashMap<>();
            ((Map<Object, Object>) entries).forEach((k, label) -> v.put(String.valueOf(k), String.valueOf(label)));
            vocabularies.put(name, v);
        });
        List<ListSpec> lists = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) raw.get("lists")) {
            List<ColumnSpec> cols = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) l.get("columns")) {
                CellType type = CellType.valueOf(String.valueOf(c.get("type")).toUpperCase(java.util.Locale.ROOT));
                String vocabulary = (String) c.get("vocabulary");
                if (type == CellType.CATEGORY && !vocabularies.containsKey(vocabulary)) {
                    throw new IllegalStateException("annex_a/" + version + ": column '" + c.get("header")
                            + "' names unknown vocabulary '" + vocabulary + "'");
                }
                cols.add(new ColumnSpec(String.valueOf(c.get("header")), String.valueOf(c.get("column")), type,
                        vocabulary, Boolean.TRUE.equals(c.get("required"))));
            }
            lists.add(new ListSpec(String.valueOf(l.get("sheet")), String.valueOf(l.get("title")),
                    String.valueOf(l.get("model")), List.copyOf(cols)));
        }
        return new AnnexATemplate(String.valueOf(raw.getOrDefault("template", version)),
                String.valueOf(raw.getOrDefault("date_format", "dd/mm/yyyy")), vocabularies, List.copyOf(lists));
    }
}
