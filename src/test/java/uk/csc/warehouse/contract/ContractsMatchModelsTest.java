package uk.csc.warehouse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.csc.warehouse.transform.Model;
import uk.csc.warehouse.transform.ModelCatalog;

/**
 * The contracts and the models agree: whatever a staging model requires of a lake column is required at load,
 * so a bad value quarantines its row (the night goes on) instead of failing a data test (the night publishes
 * nothing), and no value a model reads is turned into NULL there without a trace.
 */
class ContractsMatchModelsTest {
    private static final Pattern LAKE = Pattern.compile("\\bfrom\\s+lake\\.([a-z0-9]+)__([a-z0-9_]+)\\b");
    private static final Pattern RENAME = Pattern.compile("\\b([a-z0-9_]+)\\s+as\\s+([a-z0-9_]+)\\b");
    private static final Pattern YES_NO = Pattern.compile("reference\\.yes_no\\(\\s*([a-z0-9_]+)\\s*\\)");

    private final ContractCatalog contracts = ContractCatalog.fromClasspath();
    private final Map<String, Model> models = ModelCatalog.fromClasspath().models();

    @Test
    void every_column_a_staging_model_tests_not_null_is_required_in_its_contract() {
        List<String> optional = new ArrayList<>();
        int checked = 0;
        for (Model m : staging()) {
            TableContract contract = contractOf(m).orElse(null);
            if (contract == null) {
                continue;
            }
            Map<String, String> lakeColumnOf = lakeColumns(m, contract);
            for (Object declared : (List<?>) m.tests().getOrDefault("not_null", List.of())) {
                String column = String.valueOf(declared);
                String lakeColumn = lakeColumnOf.get(column);
                if (lakeColumn == null) {
                    continue; // derived in the model: not a single lake column
                }
                checked++;
                if (!contract.column(lakeColumn).orElseThrow().required()) {
                    optional.add(m.name() + "." + column + " <- " + contract.table() + "." + lakeColumn);
                }
            }
        }
        assertTrue(checked > 30, "the check found the staging models' not_null columns: " + checked);
        assertEquals(List.of(), optional, "not_null in staging but optional in the contract (add required: true)");
    }

    @Test
    void every_flag_staging_reads_as_yes_no_has_a_domain_in_its_contract() {
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Model m : staging()) {
            TableContract contract = contractOf(m).orElse(null);
            if (contract == null) {
                continue;
            }
            Matcher flag = YES_NO.matcher(m.sql().toLowerCase());
            while (flag.find()) {
                Optional<ColumnContract> c = contract.column(flag.group(1));
                if (c.isEmpty()) {
                    continue;
                }
                checked++;
                if (!c.get().yesNo() && c.get().codes().isEmpty() && !"boolean".equals(c.get().type())) {
                    unchecked.add(contract.table() + "." + c.get().name());
                }
            }
        }
        assertTrue(checked > 15, "the check found the staging models' flags: " + checked);
        assertEquals(List.of(), unchecked, "read with reference.yes_no in staging but neither domain: yes_no nor codes in the contract");
    }

    private List<Model> staging() {
        return models.values().stream().filter(m -> m.schema().equals("staging")).toList();
    }

    private Optional<TableContract> contractOf(Model m) {
        Matcher from = LAKE.matcher(m.sql().toLowerCase());
        return from.find() ? contracts.find(from.group(1), from.group(2)) : Optional.empty();
    }

    /** Staging column -> the lake column it is, where the model selects it as is or renamed. */
    private static Map<String, String> lakeColumns(Model m, TableContract contract) {
        Map<String, String> out = new LinkedHashMap<>();
        contract.columns().forEach(c -> out.put(c.name(), c.name()));
        Matcher r = RENAME.matcher(m.sql().toLowerCase());
        while (r.find()) {
            if (contract.column(r.group(1)).isPresent() && !r.group(1).equals(r.group(2))) {
                out.put(r.group(2), contract.column(r.group(1)).get().name());
            }
        }
        return out;
    }
}
