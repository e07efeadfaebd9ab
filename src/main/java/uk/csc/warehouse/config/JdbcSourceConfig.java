package uk.csc.warehouse.config;

import uk.csc.warehouse.support.Retry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reporting database to pull tables from straight into the inbox: keys {@code jdbc.<source>.*} in the
 * sources configuration (see {@code csc-warehouse.example.properties}).
 *
 * @param tables  file names without {@code .csv}, e.g. {@code ssd_person}; each becomes {@code <table>.csv}
 * @param queries the query for each table; {@code SELECT * FROM <schema>.<table>} unless configured
 */
public record JdbcSourceConfig(
        String source,
        String url,
        Optional<String> username,
        Optional<Secret> password,
        String schema,
        List<String> tables,
        Map<String, String> queries,
        int fetchSize,
        Map<String, String> driverProperties,
        Optional<Path> driverJar,
        Retry.Policy retry) {

    public String query(String table) {
        return queries.getOrDefault(table, "SELECT * FROM " + schema + "." + table);
    }

    /** The JDBC URL with any inline password masked, for messages and logs. */
    public String safeUrl() {
        return maskUrl(url);
    }

    public static String maskUrl(String url) {
        return url.replaceAll("(?i)((?:password|pwd|passwd)\\s*=)[^;&]*", "$1****");
    }
}
