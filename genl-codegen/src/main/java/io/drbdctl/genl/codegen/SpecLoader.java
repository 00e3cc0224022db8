package io.drbdctl.genl.codegen;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a spec file into a {@link Node} tree (SnakeYAML's composer: no object construction). */
final class SpecLoader {
    private SpecLoader() {
    }

    static Node load(Path file, Consumer<String> warn) {
        String name = file.getFileName().toString();
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(true); // PyYAML semantics; Node.entries() warns
        opts.setMaxAliasesForCollections(200);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            org.yaml.snakeyaml.nodes.Node root = new Yaml(opts).compose(r);
            if (root == null) {
                throw new SpecException(name, 0, "", "empty spec");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            return new Node(name, "", root, m -> {
                if (seen.add(m)) {
                    warn.accept(m);
                }
            });
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SpecException(name, line, "", "YAML error: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SpecException(name, 0, "", "YAML error: " + e.getMessage());
        } catch (IOException e) {
            throw new SpecException(name, 0, "", "cannot read: " + e);
        }
    }
}
