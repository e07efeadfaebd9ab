package uk.csc.warehouse.transform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which models a build runs: all of them, or (dbt's selector syntax) {@code MODEL} alone or {@code MODEL+}, the
 * model and every model downstream of it. A selected build starts from a copy of the published warehouse, so
 * the models it does not run are read as they were published.
 */
public record ModelSelection(String model, boolean downstream) {

    public static final ModelSelection ALL = new ModelSelection(null, false);

    /** {@code marts.front_door}, {@code front_door} or either followed by {@code +}. */
    public static ModelSelection parse(String selector) {
        String s = selector.strip().toLowerCase(Locale.ROOT);
        boolean plus = s.endsWith("+");
        String name = plus ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.startsWith("+")) {
            throw new IllegalArgumentException("--select takes a model, optionally followed by + for everything "
                    + "downstream of it (e.g. marts.front_door+ or int_referrals_sequenced+); got '" + selector + "'");
        }
        return new ModelSelection(name, plus);
    }

    public boolean isAll() {
        return model == null;
    }

    /** The selected models, in build order. */
    List<Model> models(ModelCatalog catalog) {
        List<Model> order = catalog.inBuildOrder();
        if (isAll()) {
            return order;
        }
        Model root = resolve(catalog);
        Set<String> chosen = new HashSet<>(Set.of(root.qualifiedName()));
        if (downstream) {
            Deque<String> todo = new ArrayDeque<>(chosen);
            while (!todo.isEmpty()) {
                String done = todo.poll();
                for (Model m : order) {
                    if (m.references().contains(done) && chosen.add(m.qualifiedName())) {
                        todo.add(m.qualifiedName());
                    }
                }
            }
        }
        return order.stream().filter(m -> chosen.contains(m.qualifiedName())).toList();
    }

    private Model resolve(ModelCatalog catalog) {
        Model exact = catalog.models().get(model);
        if (exact != null) {
            return exact;
        }
        List<Model> byName = catalog.models().values().stream().filter(m -> m.name().equals(model)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        String near = catalog.models().values().stream().map(Model::qualifiedName)
                .filter(q -> q.contains(model) || model.contains(q.substring(q.indexOf('.') + 1)))
                .sorted().limit(3).toList().toString();
        throw new IllegalArgumentException("--select: no model named '" + model + "'"
                + (near.equals("[]") ? "" : "; did you mean one of " + near) + " (a file under sql/, e.g. marts.front_door)");
    }

    @Override
    public String toString() {
        return isAll() ? "all models" : model + (downstream ? "+" : "");
    }
}
