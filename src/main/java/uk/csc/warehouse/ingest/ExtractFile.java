package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One delivered extract file and what its name says: the table it holds and the date it was taken.
 * {@code ssd_person.csv} is table ssd_person taken on the file's modified date;
 * {@code ssd_person_20261122.csv} or {@code ssd_person_2026-11-22.csv} names its date explicitly.
 */
public record ExtractFile(Path path, String source, String table, LocalDate extractDate) {

    private static final Pattern NAME = Pattern.compile(
            "(?i)^(?<table>[a-z0-9_]+?)(?:_(?<date>\\d{8}|\\d{4}-\\d{2}-\\d{2}))?\\.csv$");

    public static ExtractFile of(Path path, String source) {
        String name = path.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new ContractViolation(name, 0, null,
                    "file name is not <table>.csv or <table>_<yyyymmdd>.csv");
        }
        String date = m.group("date");
        LocalDate extractDate = date == null ? modifiedDate(path)
                : LocalDate.parse(date.replace("-", ""), DateTimeFormatter.BASIC_ISO_DATE);
        return new ExtractFile(path, source, m.group("table").toLowerCase(Locale.ROOT), extractDate);
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    private static LocalDate modifiedDate(Path path) {
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneId.systemDefault());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
