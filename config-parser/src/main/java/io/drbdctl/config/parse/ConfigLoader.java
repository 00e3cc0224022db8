package io.drbdctl.config.parse;

import io.drbdctl.config.check.Validator;
import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfLexer;
import io.drbdctl.config.grammar.DrbdConfParser;
import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Global;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Entry point: reads a configuration file (with its includes), builds the model and runs the
 * validator. Never throws for bad input: problems come back as diagnostics.
 */
public final class ConfigLoader {
    private static final int MAX_INCLUDE_DEPTH = 10;
    private final OptionTable table;
    private final Dialect dialect;
    private final String nodeName;

    public ConfigLoader(OptionTable table, Dialect dialect) {
        this(table, dialect, null);
    }

    /**
     * @param nodeName this node's name: checks drbd-utils makes only for this node's host sections
     *                 are errors there and warnings elsewhere; null makes them errors everywhere
     */
    public ConfigLoader(OptionTable table, Dialect dialect, String nodeName) {
        this.table = table;
        this.dialect = dialect;
        this.nodeName = nodeName;
    }

    /** Mutable state of one load. */
    static final class State {
        final OptionTable table;
        final Dialect dialect;
        final ConfigLoader loader;
        final Diagnostics diags = new Diagnostics();
        final List<Resource> resources = new ArrayList<>();
        final java.util.Map<String, Resource> byName = new java.util.HashMap<>();
        final Set<Path> seen = new HashSet<>();
        final List<String> moduleRequirements = new ArrayList<>();
        final String nodeName;
        Global global;
        Resource common;
        int depth;

        State(OptionTable table, Dialect dialect, ConfigLoader loader) {
            this.table = table;
            this.dialect = dialect;
            this.loader = loader;
            this.nodeName = loader.nodeName;
        }
    }

    /**
     * Initialises the generated lexer and parser (deserialising their ATNs), e.g. on a second
     * thread while the caller does other start-up work. No other thread may use the parser
     * classes before this returns.
     */
    public static void preload() {
        for (Class<?> c : List.of(DrbdConfLexer.class, DrbdConfParser.class)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Loads {@code file}; the model's file is its canonical absolute path (as the reference prints it). */
    public ParseResult load(Path file) {
        State st = new State(table, dialect, this);
        Path canon = canonical(file);
        String display = canon.toString();
        st.seen.add(canon);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            parseText(st, text, display);
        } catch (IOException | RuntimeException e) {
            st.diags.error(display, 1, 1, "cannot read: " + describe(e));
        }
        return finish(st, display);
    }

    /** Parses configuration text (for tests and stdin); {@code name} is used in diagnostics. */
    public ParseResult loadText(String text, String name) {
        State st = new State(table, dialect, this);
        parseText(st, text, name);
        return finish(st, name);
    }

    private ParseResult finish(State st, String display) {
        Config cfg = new Config(display, st.global == null ? Global.defaults() : st.global, st.common,
                StackedHosts.apply(st.resources.stream().map(ImplicitNodeIds::apply).toList()));
        new Validator(table, dialect, st.diags).validate(cfg);
        return new ParseResult(cfg, st.diags.all(), List.copyOf(st.moduleRequirements));
    }

    private void parseText(State st, String text, String display) {
        DrbdConfLexer lexer = new DrbdConfLexer(CharStreams.fromString(text, display));
        lexer.removeErrorListeners();
        ErrorListener listener = new ErrorListener(display, st.diags);
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        new TokenCheck(display, st.diags).check(tokens.getTokens());
        DrbdConfParser parser = new KeywordParser(tokens);
        parser.removeErrorListeners();
        ConfigVisitor visitor = new ConfigVisitor(st, display);
        // Two-stage parse, one top-level statement at a time: the fast SLL prediction first; a
        // statement's tree is garbage once visited, so a big file never holds a tree of itself.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        while (true) {
            int start = tokens.index();
            DrbdConfParser.TopStmtContext stmt;
            try {
                if (tokens.LA(1) == Token.EOF) {
                    return;
                }
                stmt = parser.topStmt();
            } catch (ParseCancellationException e) {
                // From the statement SLL could not decide on: full LL prediction and ANTLR's error
                // recovery, as if the whole file had been parsed that way (the statements before
                // parse the same in both modes).
                tokens.seek(start);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.addErrorListener(listener);
                visit(visitor, parser.config(), parser, st, display);
                return;
            }
            visit(visitor, stmt, parser, st, display);
        }
    }

    private static void visit(ConfigVisitor visitor, org.antlr.v4.runtime.tree.ParseTree tree, DrbdConfParser parser,
                              State st, String display) {
        try {
            visitor.visit(tree);
        } catch (RuntimeException e) {
            // a tree repaired after syntax errors may lack parts; those errors are reported already
            if (parser.getNumberOfSyntaxErrors() == 0 && !st.diags.hasErrors()) {
                st.diags.error(display, 1, 1, "internal error while reading the configuration: " + e);
            }
        }
    }

    void include(State st, String fromFile, String pattern, Token at) {
        if (st.depth >= MAX_INCLUDE_DEPTH) {
            st.diags.error(fromFile, at.getLine(), at.getCharPositionInLine() + 1, "includes nested too deeply");
            return;
        }
        Path base = Path.of(fromFile).toAbsolutePath().getParent();
        List<Path> files = glob(base, pattern);
        boolean magic = pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
        if (files.isEmpty() && !magic) {
            st.diags.error(fromFile, at.getLine(), at.getCharPositionInLine() + 1,
                    "failed to open include file '" + pattern + "'");
        }
        for (Path p : files) {
            Path canon = canonical(p);
            if (!st.seen.add(canon)) {
                continue;
            }
            String shown = Path.of(pattern).isAbsolute() ? p.toString() : base.relativize(p).toString();
            shown = p.toString();
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                st.depth++;
                parseText(st, text, shown);
            } catch (IOException | RuntimeException e) {
                st.diags.error(fromFile, at.getLine(), at.getCharPositionInLine() + 1,
                        "failed to open include file '" + p + "': " + describe(e));
            } finally {
                st.depth = Math.max(0, st.depth - 1);
            }
        }
    }

    /** Expands a shell-style glob relative to {@code base}; sorted like glob(3). */
    static List<Path> glob(Path base, String pattern) {
        Path pat = base.resolve(pattern).normalize();
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
            return Files.isRegularFile(pat) ? List.of(pat) : List.of();
        }
        Path dir = pat.getParent();
        String leaf = pat.getFileName().toString();
        TreeSet<Path> out = new TreeSet<>();
        if (dir == null || !Files.isDirectory(dir) || dir.toString().matches(".*[*?\\[].*")) {
            return List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + leaf);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && !leaf.startsWith(".")) {
                    continue;
                }
                if (m.matches(p.getFileName()) && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return new ArrayList<>(out);
    }

    static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
