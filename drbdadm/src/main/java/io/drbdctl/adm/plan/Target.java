package io.drbdctl.adm.plan;

/**
 * A command-line selector: {@code RES}, {@code RES/VNR}, {@code RES:PEER} or
 * {@code RES:PEER/VNR}. {@code volume} is -1 and {@code peer} null when not given.
 */
public record Target(String text, String resource, String peer, int volume) {

    public static Target parse(String s) {
        String res = s;
        int vnr = -1;
        String peer = null;
        int slash = res.indexOf('/');
        if (slash >= 0) {
            String v = res.substring(slash + 1);
            res = res.substring(0, slash);
            vnr = v.matches("[0-9]{1,5}") ? Integer.parseInt(v) : -2;
        }
        int colon = res.indexOf(':');
        if (colon >= 0) {
            peer = res.substring(colon + 1);
            res = res.substring(0, colon);
        }
        return new Target(s, res, peer, vnr);
    }

    public static Target whole(String resource) {
        return new Target(resource, resource, null, -1);
    }
}
