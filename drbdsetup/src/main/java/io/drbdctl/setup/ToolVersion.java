package io.drbdctl.setup;

import picocli.CommandLine.IVersionProvider;

/** Version text shared by {@code --version}: the build's project version from the jar manifest. */
public final class ToolVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"drbdsetup (drbdctl) " + (v == null ? "development build" : v)};
    }
}
