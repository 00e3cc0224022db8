package io.drbdctl.genl.codegen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of the spec's YAML tree that knows where it is: file, line and path (for example
 * {@code operations.list[4].do.request}). Every accessor fails with a {@link SpecException}
 * naming that place. Scalars resolve as YAML 1.1 (the same rules as PyYAML, which the
 * kernel's YNL tools use): {@code 0x10} is an int, {@code yes} a bool.
 */
final class Node {
    private final String file;
    private final String path;
    private final org.yaml.snakeyaml.nodes.Node yaml;
    private final Consumer<String> warn;

    Node(String file, String path, org.yaml.snakeyaml.nodes.Node yaml, Consumer<String> warn) {
        this.file = file;
        this.path = path;
        this.yaml = yaml;
        this.warn = warn;
    }

    String path() {
        return path;
    }

    int line() {
        return yaml.getStartMark() == null ? 0 : yaml.getStartMark().getLine() + 1;
    }

    SpecException error(String message) {
        return new SpecException(file, line(), path, message);
    }

    void warn(String message) {
        warn.accept(file + ":" + line() + ": " + path + ": warning: " + message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean isMap() {
        return yaml instanceof MappingNode;
    }

    boolean isList() {
        return yaml instanceof SequenceNode;
    }

    boolean isScalar() {
        return yaml instanceof ScalarNode;
    }

    /** The entries of a mapping in file order; a duplicate key keeps its last value (PyYAML). */
    Map<String, Node> entries() {
        if (!(yaml instanceof MappingNode m)) {
            throw error("expected a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new Node(file, path, t.getKeyNode(), warn)
                        .error("mapping key is not a scalar");
            }
            Node v = new Node(file, child(k.getValue()), t.getValueNode(), warn);
            if (out.put(k.getValue(), v) != null) {
                v.warn("duplicate key '" + k.getValue() + "', the last one wins");
            }
        }
        return out;
    }

    List<Node> items() {
        if (!(yaml instanceof SequenceNode s)) {
            throw error("expected a list");
        }
        List<Node> out = new ArrayList<>();
        int i = 0;
        for (org.yaml.snakeyaml.nodes.Node n : s.getValue()) {
            out.add(new Node(file, path + "[" + i++ + "]", n, warn));
        }
        return out;
    }

    Optional<Node> opt(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    Node req(String key) {
        return opt(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    String text() {
        if (!(yaml instanceof ScalarNode s)) {
            throw error("expected a scalar");
        }
        return s.getValue();
    }

    String str(String key) {
        return req(key).text();
    }

    Optional<String> optStr(String key) {
        return opt(key).map(Node::text);
    }

    boolean flag(String key) {
        Optional<Node> n = opt(key);
        if (n.isEmpty()) {
            return false;
        }
        Node v = n.get();
        if (!(v.yaml instanceof ScalarNode s) || !Tag.BOOL.equals(s.getTag())) {
            throw v.error("expected true or false");
        }
        String t = s.getValue().toLowerCase(java.util.Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
    }

    boolean isInt() {
        return yaml instanceof ScalarNode s && Tag.INT.equals(s.getTag());
    }

    /** A YAML 1.1 integer: decimal, 0x hex, 0b binary, 0 octal, '_' separators, sign. */
    long integer() {
        if (!isInt()) {
            throw error("expected an integer, got '" + text() + "'");
        }
        String t = text().replace("_", "");
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger v;
        try {
            if (t.startsWith("0x")) {
                v = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0b")) {
                v = new BigInteger(t.substring(2), 2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = new BigInteger(t.substring(1), 8);
            } else {
                v = new BigInteger(t);
            }
        } catch (NumberFormatException e) {
            throw error("bad integer '" + text() + "'");
        }
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 64 || v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
            throw error("integer out of range: " + text());
        }
        return v.longValue();
    }

    List<String> strings() {
        List<String> out = new ArrayList<>();
        for (Node n : items()) {
            out.add(n.text());
        }
        return out;
    }
}
