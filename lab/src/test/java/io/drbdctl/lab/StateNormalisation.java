package io.drbdctl.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What must differ between a resource set up through the 8.4 API and the same resource set up
 * through drbd2, when both are dumped through drbd2 (pyynl dumps, drbdsetup show and status):
 * each difference has a name and one replacement. Everything else must be equal.
 */
record StateNormalisation(String name, Pattern pattern, String replacement) {

    /** The differences the 8.4 API cannot avoid. */
    static final List<StateNormalisation> FAMILY_DIFFERENCES = List.of(
            // the 8.4 API has no node ids: new-resource leaves this node 0, the one peer gets 1
            of("node-id (none in the 8.4 API)", "(\"node-id\": |node-id\\t+)\\d+", "$1N"),
            of("peer node id (none in the 8.4 API)", "(\"peer-node-id\": |_peer_node_id )\\d+", "$1P"),
            // nor connection names: the module names the 8.4 connection "peer"
            of("connection name (none in the 8.4 API)", "(\"name\": |_name +\\t)\"(ghost|peer)\"", "$1\"PEER\""),
            of("connection name (none in the 8.4 API)", "(?m)^  (ghost|peer)( connection:)", "  PEER$2"),
            // auto-promote is DRBD 9's: a resource made through the 8.4 API starts with it off
            of("auto-promote (DRBD 9 only)", "\"auto-promote\": \\d", "\"auto-promote\": A"),
            of("auto-promote (DRBD 9 only)", "(?m)^    options \\{\n        auto-promote +\\tno;\n    \\}\n", ""),
            // create-md of the 8.4 plans writes v08 meta data, of the 9 plans v09 (history slots,
            // and the 8.4 API's internal meta-data index is its flex-internal -3)
            of("meta-data format (v08 vs v09)",
                    "(\"md-version\": )\\d+|(\"meta-idx\": )-[13]|(\"history-uuid\": )\\[[0-9, ]*\\]", "$1$2$3X"),
            // primary --force makes a new random current UUID
            of("generation UUID (random)", "(\"current-uuid\": )\\d+", "$1U"));

    static StateNormalisation of(String name, String regex, String replacement) {
        return new StateNormalisation(name, Pattern.compile(regex), replacement);
    }

    String apply(String text) {
        return pattern.matcher(text).replaceAll(m -> {
            StringBuilder b = new StringBuilder();
            // groups that did not take part read as empty
            java.util.regex.Matcher r = Pattern.compile("\\$(\\d)|[^$]+").matcher(replacement);
            while (r.find()) {
                if (r.group(1) != null) {
                    String g = m.group(Integer.parseInt(r.group(1)));
                    b.append(g == null ? "" : g);
                } else {
                    b.append(r.group());
                }
            }
            return java.util.regex.Matcher.quoteReplacement(b.toString());
        });
    }

    /** {@code text} with every normalisation applied. */
    static String applyAll(String text) {
        String t = text;
        for (StateNormalisation n : FAMILY_DIFFERENCES) {
            t = n.apply(t);
        }
        return t;
    }

    /** The names of the normalisations whose matches differ between {@code a} and {@code b}. */
    static List<String> needed(String a, String b) {
        List<String> l = new ArrayList<>();
        for (StateNormalisation n : FAMILY_DIFFERENCES) {
            if (!matches(n, a).equals(matches(n, b)) && !l.contains(n.name())) {
                l.add(n.name());
            }
        }
        return l;
    }

    private static List<String> matches(StateNormalisation n, String text) {
        return n.pattern().matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    static List<String> names() {
        List<String> l = new ArrayList<>();
        FAMILY_DIFFERENCES.stream().map(StateNormalisation::name).distinct().forEach(l::add);
        return l;
    }
}
