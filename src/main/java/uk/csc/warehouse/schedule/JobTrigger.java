package uk.csc.warehouse.schedule;

/** What started a run; recorded in the ledger's {@code trigger} column. */
public enum JobTrigger {
    /** Its cron in the schedule fired. */
    CRON("cron"),
    /** The service started after a fire it should have made (machine off, service down): made up once. */
    STARTUP_CATCH_UP("startup-catch-up"),
    /** A request file in DIR/requests/ (dropped by a person, another system or the {@code request} command). */
    REQUEST("request"),
    /** A command typed at the terminal ({@code run}, or {@code request} when no service is up). */
    CLI("cli");

    private final String label;

    JobTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Scheduled fires are dropped (status skipped) when their job is already running; people's requests wait. */
    boolean scheduled() {
        return this == CRON || this == STARTUP_CATCH_UP;
    }

    public static JobTrigger ofLabel(String label) {
        for (JobTrigger t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trigger " + label);
    }
}
