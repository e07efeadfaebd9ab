package uk.csc.warehouse.returns;

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
 * One collection year's SSDA903 specification as data ({@code returns/ssda903/<year>/return.yml}): the tables,
 * their file names, the mart each is read from, the columns in DfE's order, the date format and the code lists.
 * Next year's change (a code, a table) is a new folder, not new code.
 */
public record Ssda903Spec(CollectionYear year, String dateFormat, List<Table> tables, Map<String, Set<String>> codes) {

    /** A table of the return: DfE's name, the file written, the mart it comes from, its header row. */
    public record Table(String name, String file, String model, List<String> columns) {}

    @SuppressWarnings("unchecked")
    public static Ssda903Spec load(CollectionYear year) {
        String text = ReturnYears.read(Ssda903Return.NAME, year, "return.yml");
        Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        String declared = String.valueOf(raw.get("collection_year"));
        if (!year.toString().equals(declared)) {
            throw new IllegalStateException("returns/ssda903/" + year + "/return.yml says collection_year " + declared);
        }
        List<Table> tables = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) raw.get("tables")) {
            List<String> columns = ((List<Object>) t.get("columns")).stream().map(String::valueOf).toList();
            tables.add(new Table(String.valueOf(t.get("name")), String.valueOf(t.get("file")),
                    String.valueOf(t.get("model")), columns));
        }
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        ((Map<String, List<Object>>) raw.getOrDefault("codes", Map.of())).forEach((column, list) -> {
            Set<String> values = new LinkedHashSet<>();
            list.forEach(v -> values.add(String.valueOf(v)));
            codes.put(column, values);
        });
        return new Ssda903Spec(year, String.valueOf(raw.getOrDefault("date_format", "dd/MM/yyyy")),
                List.copyOf(tables), codes);
    }
}
