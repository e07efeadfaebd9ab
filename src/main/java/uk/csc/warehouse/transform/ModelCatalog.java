package uk.csc.warehouse.transform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.csc.warehouse.support.ClasspathFolder;

/** Every model and data test under sql/, with the order to build them in (each after what it reads). */
public final class ModelCatalog {
    private final Map<String, Model> models;
    private final List<DataTest> tests;

    private ModelCatalog(Map<String, Model> models, List<DataTest> tests) {
        this.models = models;
        this.tests = tests;
    }

    public static ModelCatalog fromClasspath() {
        Map<String, Model> models = new LinkedHashMap<>();
        List<String> testFiles = new ArrayList<>();
        for (String resource : ClasspathFolder.list("sql", ".sql")) {
            if (resource.startsWith("sql/macros/")) {
                continue;
            }
            if (resource.endsWith(".tests.sql")) {
                testFiles.add(resource);
                continue;
            }
            Model m = Model.parse(resource, ClasspathFolder.read(resource));
            if (IndicatorReshape.uses(m.sql())) {
                m = m.alsoReading(IndicatorReshape.sourceModels());
            }
            Model clash = models.put(m.qualifiedName(), m);
            if (clash != null) {
                throw new IllegalStateException("two models named " + m.qualifiedName() + ": "
                        + clash.resource() + " and " + resource);
            }
        }
        if (models.values().stream().anyMatch(m -> IndicatorReshape.uses(m.sql()))) {
            IndicatorReshape.sourceModels().stream().filter(r -> !models.containsKey(r)).findFirst().ifPresent(r -> {
                throw new IllegalStateException("sql/seeds/indicator_catalogue names source_model " + r
                        + ", which is no model under sql/");
            });
        }
        List<DataTest> tests = new ArrayList<>();
        models.values().forEach(m -> tests.addAll(DataTest.declared(m)));
        for (String resource : testFiles) {
            String modelFile = resource.replaceFirst("\\.tests\\.sql$", ".sql");
            Model owner = models.values().stream().filter(m -> m.resource().equals(modelFile)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(resource + " has no model " + modelFile + " beside it"));
            tests.addAll(DataTest.fromFile(owner.qualifiedName(), ClasspathFolder.read(resource)));
        }
        return new ModelCatalog(models, tests);
    }

    /** Macro files (sql/macros/*.sql), run before any model so every layer can call them. */
    public List<String> macroScripts() {
        return ClasspathFolder.list("sql/macros", ".sql").stream().map(ClasspathFolder::read).toList();
    }

    public List<DataTest> tests() {
        return tests;
    }

    public Map<String, Model> models() {
        return models;
    }

    /** Topological order; ties broken by layer then name so every build runs in the same order. */
    public List<Model> inBuildOrder() {
        Comparator<Model> stable = Comparator.<Model>comparingInt(m -> Model.LAYERS.indexOf(m.schema()))
                .thenComparing(Model::qualifiedName);
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<Model>> dependants = new HashMap<>();
        for (Model m : models.values()) {
            int n = 0;
            for (String ref : m.references()) {
                if (models.containsKey(ref)) {
                    n++;
                    dependants.computeIfAbsent(ref, k -> new ArrayList<>()).add(m);
                }
            }
            waitingOn.put(m.qualifiedName(), n);
        }
        List<Model> ready = new ArrayList<>(models.values().stream()
                .filter(m -> waitingOn.get(m.qualifiedName()) == 0).toList());
        List<Model> order = new ArrayList<>();
        Deque<Model> queue = new ArrayDeque<>();
        ready.sort(stable);
        queue.addAll(ready);
        while (!queue.isEmpty()) {
            Model m = queue.poll();
            order.add(m);
            List<Model> unlocked = new ArrayList<>();
            for (Model d : dependants.getOrDefault(m.qualifiedName(), List.of())) {
                if (waitingOn.merge(d.qualifiedName(), -1, Integer::sum) == 0) {
                    unlocked.add(d);
                }
            }
            unlocked.sort(stable);
            queue.addAll(unlocked);
        }
        if (order.size() != models.size()) {
            List<String> stuck = models.keySet().stream().filter(k -> waitingOn.get(k) > 0).sorted().toList();
            throw new IllegalStateException("models reference each other in a cycle: " + stuck);
        }
        return order;
    }
}
