package uk.csc.warehouse.returns;

import java.util.List;
import java.util.TreeSet;
import uk.csc.warehouse.support.ClasspathFolder;

/**
 * Where each return's per-year rules live: {@code src/main/resources/returns/<return>/<year>/} (e.g.
 * {@code returns/ssda903/2025-26/}), one folder per collection year, so next year's change is a new folder.
 * What the folder holds is the return's business (the 903's CSV columns and code lists, the CIN census's XML
 * layout); this class only finds the folders.
 */
public final class ReturnYears {
    private ReturnYears() {}

    /** The collection years this build has rules for, oldest first. */
    public static List<CollectionYear> available(String returnName) {
        String root = "returns/" + returnName;
        TreeSet<Integer> starts = new TreeSet<>();
        for (String file : ClasspathFolder.list(root, "")) {
            String year = file.substring(root.length() + 1).split("/")[0];
            try {
                starts.add(CollectionYear.parse(year).startYear());
            } catch (IllegalArgumentException notAYearFolder) {
                // shared files at the return's top level
            }
        }
        return starts.stream().map(CollectionYear::new).toList();
    }

    /** The classpath folder holding a year's rules; fails with the years there are when it has none. */
    public static String folder(String returnName, CollectionYear year) {
        List<CollectionYear> years = available(returnName);
        if (!years.contains(year)) {
            throw new IllegalArgumentException(unknownYear(returnName, year, years));
        }
        return "returns/" + returnName + "/" + year;
    }

    /** One sentence for a year without rules: the years there are, and what to do. */
    public static String unknownYear(String returnName, CollectionYear year, List<CollectionYear> years) {
        List<String> names = years.stream().map(CollectionYear::toString).toList();
        String list = names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return "this build has " + returnName + " rules for " + (names.isEmpty() ? "no year" : list) + ", not " + year
                + ": choose one of those with --year, or add returns/" + returnName + "/" + year + "/";
    }

    public static String read(String returnName, CollectionYear year, String file) {
        return ClasspathFolder.read(folder(returnName, year) + "/" + file);
    }
}
