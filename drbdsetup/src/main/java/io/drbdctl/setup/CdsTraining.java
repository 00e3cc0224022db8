package io.drbdctl.setup;

import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.ctrl.Nlctrl;
import io.drbdctl.netlink.socket.NetlinkSocket;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class-data sharing training run of the drbdsetup launcher (dist/src/make-launchers.sh). A
 * command would need a DRBD kernel, so instead it loads and initializes every class of the
 * project's jars, prints
 * the usage of every command, and resolves the kernel's always-present {@code nlctrl} family
 * through the netlink socket (JNA included). Not part of the tool's command line.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        ClassLoader loader = CdsTraining.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("drbdctl-")) {
                loadAll(new File(entry), loader);
            }
        }
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        try (SetupSession s = SetupSession.open()) {
            s.run(List.of("--help"), sink, sink);
            for (String cmd : List.of("show", "status", "events", "attach", "connect", "primary", "new-resource")) {
                s.run(List.of(cmd, "--help"), sink, sink);
            }
        }
        try (GenlClient c = new GenlClient(NetlinkSocket.openGeneric())) {
            new Nlctrl(c).findFamily("nlctrl");
        } catch (RuntimeException e) {
            // no netlink here: the archive just lacks those classes
        }
    }

    private static void loadAll(File jar, ClassLoader loader) throws IOException {
        try (JarFile j = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (n.endsWith(".class") && !n.contains("-")) {
                    try {
                        // initialized too: static tables build their lambdas, which the archive keeps
                        Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), true, loader);
                    } catch (ClassNotFoundException | LinkageError | RuntimeException ex) {
                        // a class that needs what is not on the class path: not archived
                    }
                }
            }
        }
    }
}
