package uk.csc.warehouse.runs;

/**
 * A job found nothing to work on (a new install: no extract delivered yet, no published warehouse): recorded
 * as skipped with this reason, never as a failure, and nobody is emailed.
 */
public final class NothingToDo extends Exception {
    public NothingToDo(String reason) {
        super(reason);
    }
}
