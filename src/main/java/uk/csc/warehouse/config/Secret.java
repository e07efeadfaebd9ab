package uk.csc.warehouse.config;

/**
 * A password or passphrase read from configuration or the environment. {@link #toString()} never shows it,
 * so a secret that ends up in a log line, an exception message or a debugger prints as {@code ****}.
 */
public final class Secret {
    private final String value;
    private final String origin;

    Secret(String value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** The secret itself: only for handing to a driver or an endpoint, never for printing. */
    public String reveal() {
        return value;
    }

    /** Where it came from, safe to print: a property key or an environment variable's name. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "****";
    }
}
