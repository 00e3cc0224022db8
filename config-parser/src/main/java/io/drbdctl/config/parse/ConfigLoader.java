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
    /** Characters per piece of a big file ({@link Chunks}). */
    private final int chunkSize;

    public ConfigLoader(OptionTable table, Dialect dialect) {
        this(table, dialect, null);
    }

    /**
     * @param nodeName this node's name: checks drbd-utils makes only for this node's host sections
     *                 are errors there and warnings elsewhere; null makes them errors everywhere
     */
    public ConfigLoader(OptionTable table, Dialect dialect, String nodeName) {
        this(table, dialect, nodeName, Chunks.SIZE);
    }

    /** With another piece size: tests compare reading in pieces with reading in one go. */
    ConfigLoader(OptionTable table, Dialect dialect, String nodeName, int chunkSize) {
        this.table = table;
        this.dialect = dialect;
        this.nodeName = nodeName;
        this.chunkSize = chunkSize;
    }

    /** Mutable state of one load. */
    static final class State {
        final OptionTable table;
        final Dialect dialect;
        final ConfigLoader loader;
        final Diagnostics diags = new Diagnostics();
        final List<Resource> resources = new ArrayList<>();
        /** Sized for a file of the loaded one's size (a big map grows by copying itself). */
        final java.util.Map<String, Resource> byName;
        final Set<Path> seen = new HashSet<>();
        final List<String> moduleRequirements = new ArrayList<>();
        final String nodeName;
        Global global;
        Resource common;
        int depth;

        State(OptionTable table, Dialect dialect, ConfigLoader loader) {
            this(table, dialect, loader, 16);
        }

        /** {@code resources}: about how many resources the configuration has. */
        State(OptionTable table, Dialect dialect, ConfigLoader loader, int resources) {
            this.byName = new java.util.HashMap<>(Math.max(16, resources * 4 / 3));
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
        // a resource takes a hundred bytes and more
        State st = new State(table, dialect, this, (int) Math.min(1 << 20, sizeOf(file) / 100));
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
        Resource[] resources = new Resource[st.resources.size()];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = ImplicitNodeIds.apply(st.resources.get(i));
        }
        Config cfg = new Config(display, st.global == null ? Global.defaults() : st.global, st.common,
                StackedHosts.apply(List.of(resources)));
        new Validator(table, dialect, st.diags).validate(cfg);
        return new ParseResult(cfg, st.diags.all(), List.copyOf(st.moduleRequirements));
    }

    private void parseText(State st, String text, String display) {
        ConfigVisitor visitor = new ConfigVisitor(st, display);
        List<Chunks.Chunk> chunks = Chunks.split(text, chunkSize);
        if (chunks.size() == 1) {
            parseClassic(st, visitor, text, display, 1, null);
            return;
        }
        // A big file: in pieces, each parsed (here or on a helper thread) and visited in order;
        // the tokens and trees of a piece are garbage once it is visited.
        int mark = st.diags.size();
        ChunkParser pieces = new ChunkParser(text, display, chunks).start();
        try {
            for (int i = 0; i < chunks.size(); i++) {
                List<DrbdConfParser.TopStmtContext> stmts = pieces.take(i);
                if (stmts == ChunkParser.FAILED) {
                    // the rest as one text, its lexical diagnostics where a whole-file parse puts them
                    pieces.stop();
                    Chunks.Chunk c = chunks.get(i);
                    parseClassic(st, visitor, c.start() == 0 ? text : text.substring(c.start()), display, c.line(),
                            mark);
                    return;
                }
                for (DrbdConfParser.TopStmtContext stmt : stmts) {
                    visit(visitor, stmt, 0, st, display);
                }
            }
        } finally {
            pieces.stop();
        }
    }

    /**
     * Lexes, checks and parses {@code text} (starting at column 1 of {@code line}) and visits it.
     * The lexical diagnostics go in front of the others, at {@code mark} of the diagnostics when
     * given (a rest of a file whose start is read already).
     */
    private void parseClassic(State st, ConfigVisitor visitor, String text, String display, int line,
                              Integer mark) {
        DrbdConfLexer lexer = new DrbdConfLexer(text, display);
        lexer.removeErrorListeners();
        ErrorListener listener = new ErrorListener(display, st.diags);
        lexer.addErrorListener(listener);
        lexer.setLine(line);
        lexer.setCharPositionInLine(0);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (mark == null) {
            new TokenCheck(display, st.diags).check(tokens.getTokens());
        } else {
            Diagnostics lexical = new Diagnostics();
            new TokenCheck(display, lexical).check(tokens.getTokens());
            st.diags.insertAll(mark, lexical);
        }
        DrbdConfParser parser = new KeywordParser(tokens);
        parser.removeErrorListeners();
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
                visit(visitor, parser.config(), parser.getNumberOfSyntaxErrors(), st, display);
                return;
            }
            visit(visitor, stmt, parser.getNumberOfSyntaxErrors(), st, display);
        }
    }

    private static void visit(ConfigVisitor visitor, org.antlr.v4.runtime.tree.ParseTree tree, int syntaxErrors,
                              State st, String display) {
        try {
            visitor.visit(tree);
        } catch (RuntimeException e) {
            // a tree repaired after syntax errors may lack parts; those errors are reported already
            if (syntaxErrors == 0 && !st.diags.hasErrors()) {
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

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
