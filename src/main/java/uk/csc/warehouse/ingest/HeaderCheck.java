package uk.csc.warehouse.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;

/**
 * Binds a file's header to its contract by name, never by position. A missing required column rejects
 * the file; a missing optional one loads as empty and an unknown one is ignored, both with a warning.
 */
final class HeaderCheck {
    private HeaderCheck() {}

    /** Returns warnings; throws when the file cannot be loaded against this contract. */
    static List<String> check(ExtractFile file, List<String> header, ContractCatalog catalog) {
        TableContract contract = catalog.find(file.source(), file.table()).orElseThrow(() ->
                new ContractViolation(file.fileName(), 0, null, "no contract for table '" + file.table()
                        + "' in source '" + file.source() + "' (see schemas/" + file.source() + "/)"));
        if (knowsNoColumn(header, catalog, file.source())) {
            // Line 1 is a record: say so, and name nothing on it (its values are a child's data).
            throw new ContractViolation(file.fileName(), 1, null, NO_HEADER + "; " + contract.table() + " starts "
                    + String.join(",", contract.columnNames().subList(0, Math.min(3, contract.columnNames().size())))
                    + ",...");
        }
        Set<String> present = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ContractViolation(file.fileName(), 1, "#" + (i + 1), "empty column name in header");
            }
            // A column named by an alias (an SSD rename) counts as the contract column it stands for.
            String key = contract.column(header.get(i)).map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(name);
            if (!present.add(key)) {
                // Named only if it is one of the contract's columns: a header that is half data must not put a
                // value (a date, a name) into the reason or the log.
                String position = "#" + (i + 1);
                String which = contract.column(header.get(i)).map(c -> c.name() + " (" + position + ")")
                        .orElse(position);
                ColumnContract col = contract.column(header.get(i)).orElse(null);
                boolean bothNames = col != null && header.stream().filter(col::answersTo)
                        .map(h -> h.toLowerCase(Locale.ROOT)).distinct().count() > 1;
                throw new ContractViolation(file.fileName(), 1, which, bothNames
                        ? "column appears twice in header, under its SSD names " + col.name() + " and "
                        + String.join(", ", col.aliases()) + "; send one of them"
                        : "column appears twice in header");
            }
        }
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ColumnContract c : contract.columns()) {
            if (!present.contains(c.name().toLowerCase(Locale.ROOT))) {
                if (c.required()) {
                    missingRequired.add(c.name());
                } else {
                    missingOptional.add(c.name());
                }
            }
        }
        if (!missingRequired.isEmpty()) {
            String reason = "required column(s) missing from header: " + String.join(", ", missingRequired);
            String other = likelyTable(header, catalog, file.source());
            if (other != null && !other.equals(contract.table())) {
                reason += "; the header looks like " + other + ", not " + contract.table();
            }
            throw new ContractViolation(file.fileName(), 1, missingRequired.get(0), reason);
        }
        if (!missingOptional.isEmpty()) {
            warnings.add(missingOptional.size() + " optional column(s) not in the file, loaded as empty: "
                    + String.join(", ", missingOptional));
        }
        for (int i = 0; i < header.size(); i++) {
            if (contract.column(header.get(i)).isEmpty()) {
                warnings.add("column " + header.get(i) + " (#" + (i + 1) + ") is not in the contract; ignored");
            }
        }
        return warnings;
    }

    static final String NO_HEADER = "no header row: line 1 holds none of the column names of any "
            + "contract, so it looks like data (was the header left out of the export?)";

    /** True when not one header field is a column name of any contract of the source: line 1 is data. */
    private static boolean knowsNoColumn(List<String> header, ContractCatalog catalog, String source) {
        return header.stream().noneMatch(h -> catalog.forSource(source).stream().anyMatch(c -> c.column(h).isPresent()));
    }

    /** The contract whose columns best cover the header, to say "this is ssd_contacts" when files are swapped. */
    private static String likelyTable(List<String> header, ContractCatalog catalog, String source) {
        String best = null;
        long bestHits = 0;
        for (TableContract c : catalog.forSource(source)) {
            long hits = header.stream().filter(h -> c.column(h).isPresent()).count();
            if (hits > bestHits) {
                bestHits = hits;
                best = c.table();
            }
        }
        return bestHits * 2 >= header.size() ? best : null;
    }
}
