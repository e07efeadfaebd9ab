package uk.csc.warehouse.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One SQL model: a SELECT in {@code sql/<layer>/.../<name>.sql}, materialised as {@code <layer>.<name>}.
 * Its header is a YAML block comment carrying grain, definition, column notes and declared tests; the
 * definition and column notes become DuckDB COMMENTs so analysts see them in their own tools.
 */
public record Model(String schema, String name, String resource, String sql, String grain, String definition,
                    String materialized, Map<String, String> columns, Map<String, Object> tests,
                    Set<String> references) {

    static final List<String> LAYERS = List.of("reference", "staging", "intermediate", "marts");
    private static final Pattern HEADER = Pattern.compile("\\A\\s*/\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern REF = Pattern.compile(
            "\\b(reference|staging|intermediate|marts)\\.([a-z0-9_]+)\\b", Pattern.CASE_INSENSITIVE);

    /** The same model, built after {@code more} too (for models whose SQL is completed at build time). */
    Model alsoReading(Set<String> more) {
        Set<String> refs = new TreeSet<>(references);
        refs.addAll(more);
        refs.remove(qualifiedName());
        return new Model(schema, name, resource, sql, grain, definition, materialized, columns, tests, refs);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    @SuppressWarnings("unchecked")
    static Model parse(String resource, String text) {
        String[] parts = resource.split("/");
        String schema = parts[1];
        if (!LAYERS.contains(schema)) {
            throw new IllegalStateException(resource + ": models live under sql/" + String.join("|", LAYERS) + "/");
        }
        String name = parts[parts.length - 1].replaceFirst("\\.sql$", "");
        Matcher h = HEADER.matcher(text);
        Map<String, Object> meta = Map.of();
        String body = text;
        if (h.find()) {
            Object loaded;
            try {
                loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(h.group(1));
            } catch (RuntimeException e) {
                throw new IllegalStateException(resource + ": the header is not valid YAML: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
            if (loaded instanceof Map<?, ?> m) {
                meta = (Map<String, Object>) m;
            }
            body = text.substring(h.end());
        }
        if (!meta.containsKey("grain")) {
            throw new IllegalStateException(resource + ": the header must state the model's grain");
        }
        body = body.strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        ((Map<String, Object>) meta.getOrDefault("columns", Map.of()))
                .forEach((k, v) -> columns.put(k, String.valueOf(v).strip()));
        Map<String, Object> tests = new LinkedHashMap<>((Map<String, Object>) meta.getOrDefault("tests", Map.of()));
        Set<String> refs = referencesIn(body);
        refs.remove(schema + "." + name);
        return new Model(schema, name, resource, body, String.valueOf(meta.get("grain")).strip(),
                meta.containsKey("definition") ? String.valueOf(meta.get("definition")).strip() : null,
                String.valueOf(meta.getOrDefault("materialized", "table")), columns, tests, refs);
    }

    /** The models (layer.name) a piece of SQL reads, comments left out. */
    static Set<String> referencesIn(String sql) {
        Set<String> refs = new TreeSet<>();
        Matcher r = REF.matcher(withoutComments(sql));
        while (r.find()) {
            refs.add(r.group(1).toLowerCase(Locale.ROOT) + "." + r.group(2).toLowerCase(Locale.ROOT));
        }
        return refs;
    }

    static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
