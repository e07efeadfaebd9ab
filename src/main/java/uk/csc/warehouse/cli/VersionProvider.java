package uk.csc.warehouse.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"csc-warehouse " + (v == null ? "(development build)" : v)};
    }
}
