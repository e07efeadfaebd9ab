package uk.csc.warehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Makes bench/run.sh's XL data dir: N authorities in ONE lake, so a single load and build process all of
 * England. The generator numbers ids per authority (P0000001 in every one), so authority k's rows are copied
 * from generated chunk {@code (k-1) mod G} with every identifier prefixed {@code A<kkk>-}: a varchar column
 * with no code list whose name ends in {@code _id} or {@code _team} (people, referrals, plans, workers, teams,
 * complaints). Each authority therefore keeps its own consistent workforce, teams and children, and ids are
 * distinct across authorities. The population file is summed per financial year over the N authorities.
 * <p>People must be distinct too, or the duplicate-record check (int_dq_duplicates) would find every replicated
 * child twice and the data-quality marts would measure the benchmark's construction: each authority's surnames
 * get a letters-only suffix naming it, and each well-formed UPN carries the authority's number in its LA digits
 * (characters 2-4) with its check letter recomputed (a UPN whose check letter was wrong stays wrong).
 *
 * <pre>java -cp csc-warehouse.jar uk.csc.warehouse.bench.XlCombine OUT_DATA_DIR N CHUNK_DATA_DIR...</pre>
 * Benchmark tooling only: the product models one authority per data dir.
 */
public final class XlCombine {
    private XlCombine() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: XlCombine OUT_DATA_DIR AUTHORITIES CHUNK_DATA_DIR...");
            System.exit(64);
        }
        Path out = Path.of(args[0]);
        int authorities = Integer.parseInt(args[1]);
        List<Path> chunks = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            chunks.add(Path.of(args[i]));
        }
        ContractCatalog catalog = ContractCatalog.fromClasspath();
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            Path tmp = out.resolve(".xl-tmp");
            Files.createDirectories(tmp);
            st.execute("SET temp_directory = " + Sql.literal(tmp));
            for (String source : uk.csc.warehouse.contract.Sources.ALL) {
                Path dir = chunks.get(0).resolve("inbox").resolve(source);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                Files.createDirectories(out.resolve("inbox").resolve(source));
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
                }
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    TableContract contract = catalog.find(source, name.replaceFirst("\\.csv$", "")).orElse(null);
                    long t0 = System.nanoTime();
                    combine(st, contract, chunks, source, name, authorities, out.resolve("inbox").resolve(source).resolve(name));
                    System.out.printf("combined %s/%s x %d in %d ms%n", source, name, authorities,
                            (System.nanoTime() - t0) / 1_000_000);
                }
            }
            Path pop = Path.of("reference", "population_0_17.csv");
            Files.createDirectories(out.resolve("reference"));
            st.execute("COPY (SELECT first(area_code ORDER BY area_code) AS area_code, financial_year,"
                    + " sum(population_0_17 * w) AS population_0_17 FROM read_csv(" + fileList(chunks, pop)
                    + ", filename = true) p JOIN " + weights(chunks, pop, authorities) + " USING (filename)"
                    + " GROUP BY financial_year ORDER BY financial_year) TO "
                    + Sql.literal(out.resolve(pop)) + " (FORMAT csv, HEADER true)");
            deleteTree(tmp);
        }
    }

    private static void combine(Statement st, TableContract contract, List<Path> chunks, String source, String name,
                                int authorities, Path target) throws Exception {
        Path rel = Path.of("inbox", source, name);
        String read = "read_csv(" + fileList(chunks, rel) + ", all_varchar = true, header = true, filename = true)";
        List<String> header = new ArrayList<>();
        try (var rs = st.executeQuery("DESCRIBE SELECT * EXCLUDE (filename) FROM " + read)) {
            while (rs.next()) {
                header.add(rs.getString(1));
            }
        }
        String select = header.stream().map(h -> expression(contract, name, h) + " AS " + Sql.ident(h))
                .collect(Collectors.joining(", "));
        StringBuilder auth = new StringBuilder("(VALUES ");
        for (int k = 1; k <= authorities; k++) {
            Path chunk = chunks.get((k - 1) % chunks.size()).resolve(rel).toAbsolutePath();
            auth.append(k > 1 ? ", " : "").append("(").append(Sql.literal(chunk.toString())).append(", ")
                    .append(Sql.literal(String.format(Locale.ROOT, "A%03d-", k))).append(", ").append(k).append(")");
        }
        auth.append(") AS a(filename, prefix, k)");
        st.execute("COPY (SELECT " + select + " FROM " + read + " t JOIN " + auth + " USING (filename)) TO "
                + Sql.literal(target) + " (FORMAT csv, HEADER true)");
    }

    /** How authority a.k's copy of a column is made from the generated chunk's value. */
    static String expression(TableContract contract, String file, String column) {
        String c = Sql.ident(column);
        if (prefixed(contract, column)) {
            return "CASE WHEN " + c + " IS NULL THEN NULL ELSE a.prefix || " + c + " END";
        }
        if (file.equals("ssd_person.csv") && column.equalsIgnoreCase("pers_surname")) {
            // letters only, so the name match key (letters of forename and surname) differs between authorities
            return "CASE WHEN " + c + " IS NULL OR trim(" + c + ") = '' THEN " + c
                    + " ELSE " + c + " || chr(97 + a.k // 26) || chr(97 + a.k % 26) END";
        }
        if (file.equals("ssd_linked_identifiers.csv") && column.equalsIgnoreCase("link_identifier_value")) {
            String body = "lpad(CAST(a.k AS VARCHAR), 3, '0') || substr(" + c + ", 5)";
            return "CASE WHEN regexp_full_match(coalesce(" + c + ", ''), '[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]')"
                    + " THEN (CASE WHEN substr(" + c + ", 1, 1) = " + checkLetter("substr(" + c + ", 2)")
                    + " THEN " + checkLetter(body) + " ELSE substr(" + c + ", 1, 1) END) || " + body
                    + " ELSE " + c + " END";
        }
        return c;
    }

    /** The DfE UPN check letter of a 12-character UPN body (characters 2-13): weights 2..13, modulo 23. */
    private static String checkLetter(String body) {
        return "substr('ABCDEFGHJKLMNPQRTUVWXYZ', 1 + CAST(list_sum(list_transform(range(1, 13), lambda i: (i + 1) * CASE"
                + " WHEN substr(" + body + ", i, 1) BETWEEN '0' AND '9' THEN ascii(substr(" + body + ", i, 1)) - 48"
                + " ELSE strpos('ABCDEFGHJKLMNPQRTUVWXYZ', substr(" + body + ", i, 1)) - 1 END)) % 23 AS INTEGER), 1)";
    }

    /** Identifiers: free varchar columns named *_id or *_team (coded columns such as a role id are left alone). */
    static boolean prefixed(TableContract contract, String column) {
        String n = column.toLowerCase(Locale.ROOT);
        if (!(n.endsWith("_id") || n.endsWith("_team"))) {
            return false;
        }
        if (contract == null) {
            return true;
        }
        return contract.column(column).map(c -> "varchar".equals(c.type()) && c.codes().isEmpty()
                && c.codeDescriptions().isEmpty()).orElse(true);
    }

    private static String fileList(List<Path> chunks, Path rel) {
        return "[" + chunks.stream().map(c -> Sql.literal(c.resolve(rel).toAbsolutePath().toString()))
                .collect(Collectors.joining(", ")) + "]";
    }

    /** How many of the N authorities each chunk's population file stands for. */
    private static String weights(List<Path> chunks, Path rel, int authorities) {
        int g = chunks.size();
        StringBuilder v = new StringBuilder("(VALUES ");
        for (int i = 0; i < g; i++) {
            v.append(i > 0 ? ", " : "").append("(").append(Sql.literal(chunks.get(i).resolve(rel).toAbsolutePath().toString()))
                    .append(", ").append(authorities / g + (i < authorities % g ? 1 : 0)).append(")");
        }
        return v.append(") AS wt(filename, w)").toString();
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
