package uk.csc.warehouse.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map (docs/architecture.md) as rules: commands on top, then scheduling, then the nightly cycle,
 * then the pipeline stages, then support; nothing below imports anything above, and no two packages import each
 * other round a cycle. A new package is named once, in {@link #LAYERS}: e.g. {@code returns} (the statutory
 * returns, an output beside annexa and pack) is already a stage.
 */
class LayersTest {
    private static final String ROOT = "uk.csc.warehouse";

    /** Top to bottom: each layer may use the layers below it, never one above. Packages are under uk.csc.warehouse. */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("Commands", List.of("cli"));
        LAYERS.put("Scheduling", List.of("schedule"));
        LAYERS.put("Cycle", List.of("nightly"));
        LAYERS.put("Stages", List.of("ingest", "transform", "output", "annexa", "pack", "comparators", "returns", "generate"));
        LAYERS.put("Support", List.of("runs", "config", "contract", "support"));
    }

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void every_package_is_in_one_layer() {
        TreeSet<String> unplaced = new TreeSet<>();
        for (JavaClass c : production) {
            if (layerOf(c.getPackageName()) == null) {
                unplaced.add(c.getPackageName());
            }
        }
        assertEquals(new TreeSet<>(), unplaced, "name each new package once in LayersTest.LAYERS (and in docs/architecture.md)");
    }

    @Test
    void nothing_below_imports_anything_above() {
        var rule = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        List<String> names = List.copyOf(LAYERS.keySet());
        for (String layer : names) {
            rule = rule.layer(layer).definedBy(packages(layer));
        }
        var checked = rule.whereLayer(names.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < names.size(); i++) {
            checked = checked.whereLayer(names.get(i)).mayOnlyBeAccessedByLayers(names.subList(0, i).toArray(String[]::new));
        }
        checked.check(production);
    }

    @Test
    void no_two_packages_depend_on_each_other_round_a_cycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
    }

    /** The support package is the floor: it knows no other package of ours. */
    @Test
    void support_depends_on_no_other_package_of_ours() {
        ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + ".support..")
                .should().dependOnClassesThat().resideInAnyPackage(LAYERS.values().stream().flatMap(List::stream)
                        .filter(p -> !p.equals("support")).map(p -> ROOT + "." + p + "..").toArray(String[]::new))
                .check(production);
    }

    private static String[] packages(String layer) {
        return LAYERS.get(layer).stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    }

    private static String layerOf(String pkg) {
        for (Map.Entry<String, List<String>> l : LAYERS.entrySet()) {
            for (String p : l.getValue()) {
                String full = ROOT + "." + p;
                if (pkg.equals(full) || pkg.startsWith(full + ".")) {
                    return l.getKey();
                }
            }
        }
        return null;
    }
}
