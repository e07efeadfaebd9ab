package uk.csc.warehouse.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import uk.csc.warehouse.support.ClasspathFolder;

/** Every extract contract under {@code schemas/<source>/<table>.yml}, keyed by source and table. */
public final class ContractCatalog {
    /** Where the missing-value tokens are decided, once for every column of every contract. */
    static final String LOAD_RULES = "schemas/_load_rules.yml";

    private final Map<String, TableContract> byKey;
    private final List<String> missingValues;

    private ContractCatalog(Map<String, TableContract> byKey, List<String> missingValues) {
        this.byKey = byKey;
        this.missingValues = missingValues;
    }

    public static ContractCatalog fromClasspath() {
        Map<String, TableContract> contracts = new LinkedHashMap<>();
        for (String resource : ClasspathFolder.list("schemas", ".yml")) {
            String[] parts = resource.split("/");
            if (parts.length != 3 || parts[2].startsWith("_")) {
                continue; // schemas/<source>/<table>.yml only; _files are shared notes
            }
            TableContract contract = parse(ClasspathFolder.read(resource), resource);
            contracts.put(key(contract.source(), contract.table()), contract);
        }
        return new ContractCatalog(contracts, missingValues(ClasspathFolder.read(LOAD_RULES)));
    }

    /** The values that mean "no value" in any column of any type, compared trimmed and case-insensitively. */
    public List<String> missingValues() {
        return missingValues;
    }

    @SuppressWarnings("unchecked")
    static List<String> missingValues(String yamlText) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        Object tokens = doc == null ? null : doc.get("missing_values");
        if (!(tokens instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(LOAD_RULES + ": needs a non-empty list 'missing_values'");
        }
        return ((List<Object>) list).stream().map(v -> v == null ? "" : String.valueOf(v)).toList();
    }

    public Optional<TableContract> find(String source, String table) {
        return Optional.ofNullable(byKey.get(key(source, table)));
    }

    public TableContract table(String source, String table) {
        return find(source, table).orElseThrow(
                () -> new IllegalArgumentException("no contract for " + source + "/" + table));
    }

    public Collection<TableContract> all() {
        return byKey.values();
    }

    public List<TableContract> forSource(String source) {
        return byKey.values().stream().filter(c -> c.source().equals(source)).toList();
    }

    private static String key(String source, String table) {
        return source + "/" + table.toLowerCase();
    }

    @SuppressWarnings("unchecked")
    static TableContract parse(String yamlText, String origin) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        if (doc == null || doc.get("table") == null || doc.get("columns") == null) {
            throw new IllegalStateException(origin + ": a contract needs 'table' and 'columns'");
        }
        List<ColumnContract> columns = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("columns")) {
            List<String> codes = new ArrayList<>();
            ((List<Object>) c.getOrDefault("codes", List.of())).forEach(v -> codes.add(String.valueOf(v)));
            Map<String, String> descriptions = new LinkedHashMap<>();
            ((Map<Object, Object>) c.getOrDefault("code_descriptions", Map.of()))
                    .forEach((k, v) -> descriptions.put(String.valueOf(k).trim().toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(v)));
            columns.add(new ColumnContract(
                    (String) c.get("name"),
                    (String) c.getOrDefault("type", "varchar"),
                    Boolean.TRUE.equals(c.get("required")),
                    (String) c.get("references"),
                    Boolean.TRUE.equals(c.get("pii")),
                    (String) c.get("description"),
                    codes,
                    descriptions,
                    Boolean.TRUE.equals(c.get("future_allowed")),
                    (String) c.get("domain"),
                    ((List<Object>) c.getOrDefault("aliases", List.of())).stream().map(String::valueOf).toList()));
        }
        List<String> pk = (List<String>) doc.getOrDefault("primary_key", List.of());
        List<List<String>> dateOrder = (List<List<String>>) doc.getOrDefault("date_order", List.of());
        return new TableContract((String) doc.get("source"), (String) doc.get("table"),
                (String) doc.get("spec"), List.copyOf(pk), List.copyOf(columns), dateOrder);
    }
}
