package io.drbdctl.setup.v9;

import static io.drbdctl.setup.v9.V9Option.flag;

import java.util.List;

/**
 * The output options of status (--verbose, --statistics, --json) and show (--json): their
 * table rows and, when one is given, the command ({@link StatusVerbose}, {@link StatusJson},
 * {@link ShowJson}); without them status and show stay with {@link V9Runner}.
 */
final class ReportCommands {
    private ReportCommands() {
    }

    static final List<V9Option> STATUS_OPTIONS = List.of(
            flag("verbose", "show every field"),
            flag("statistics", "include the statistics drbd2 reports"),
            flag("json", "print JSON (drbd-utils 9.22's layout)"));

    static final List<V9Option> SHOW_OPTIONS = List.of(
            flag("json", "print JSON (drbd-utils 9.22's layout)"));

    /** Whether this call is one of the forms handled here. */
    static boolean handles(V9Call c) {
        return switch (c.cmd().name()) {
            case "status" -> c.flag("verbose") || c.flag("statistics") || c.flag("json");
            case "show" -> c.flag("json");
            default -> false;
        };
    }

    static int run(V9Call c, Drbd2Control k) {
        String name = c.args().isEmpty() ? "all" : c.args().get(0);
        List<ResourceView> views = ResourceView.read(k, name);
        boolean json = c.flag("json");
        if (c.cmd().name().equals("show")) {
            c.out().print(ShowJson.format(views));
        } else if (json) {
            c.out().print(StatusJson.format(views));
        } else {
            if (views.isEmpty()) {
                c.out().print("# No currently configured DRBD found.\n");
            }
            c.out().print(StatusVerbose.format(views, c.flag("verbose"), c.flag("statistics"), c.tty()));
        }
        if (views.isEmpty() && !name.equals("all")) {
            c.err().print(name + ": No such resource\n");
            return 10;
        }
        return 0;
    }
}
