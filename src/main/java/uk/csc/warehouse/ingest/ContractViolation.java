package uk.csc.warehouse.ingest;

/**
 * A file that cannot be loaded as it stands. The message always names the file, and the line and column
 * where the problem is, so the person who produced the extract can find it without asking us.
 */
public class ContractViolation extends RuntimeException {
    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    public ContractViolation(String file, long line, String column, String reason) {
        super(format(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(": line ").append(line);
        }
        if (column != null) {
            s.append(line > 0 ? ", column " : ": column ").append(column);
        }
        return s.append(": ").append(reason).toString();
    }
}
