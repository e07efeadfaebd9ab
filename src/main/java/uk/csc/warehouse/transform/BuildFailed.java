package uk.csc.warehouse.transform;

/** The build ran but did not earn publication; the last good warehouse stays in place. */
public class BuildFailed extends RuntimeException {
    public BuildFailed(String message) {
        super(message);
    }
}
