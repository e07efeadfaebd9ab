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
        Set<String> present = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ContractViolation(file.fileName(), 1, "#" + (i + 1), "empty column name in header");
            }
            if (!present.add(name)) {
                throw new ContractViolation(file.fileName(), 1, header.get(i) + " (#" + (i + 1) + ")",
                        "column appears twice in header");
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
