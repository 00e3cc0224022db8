package io.drbdctl.config.parse;

import io.drbdctl.config.diag.Diagnostics;
import io.drbdctl.config.grammar.DrbdConfLexer;
import io.drbdctl.config.grammar.DrbdConfParser;
import io.drbdctl.config.grammar.DrbdConfParser.TopStmtContext;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Lexes and parses the pieces of a big file ({@link Chunks}) with SLL prediction, for the loader
 * to visit in order. With more than one CPU a helper thread parses ahead (at most
 * {@link #AHEAD} pieces), while the caller visits what is parsed and parses a piece itself when
 * the helper is behind. A piece with a lexical problem or one that does not parse with SLL comes
 * back as {@link #FAILED}: the loader then reads the rest of the file as it reads a small one,
 * with every diagnostic in the order a whole-file parse gives.
 */
final class ChunkParser {
    /** Pieces parsed ahead of the visitor at most (parse trees held in memory). */
    private static final int AHEAD = 3;
    /** The result of a piece that the loader has to read again the classic way. */
    static final List<TopStmtContext> FAILED = List.of();

    private final String text;
    private final String file;
    private final List<Chunks.Chunk> chunks;
    /** Parsed pieces not yet taken; guarded by this. */
    private final List<List<TopStmtContext>> results;
    /** The next piece nobody parses yet; guarded by this. */
    private int next;
    /** Pieces taken by the loader; guarded by this. */
    private int taken;
    /** Set when the loader needs no more pieces; guarded by this. */
    private boolean stopped;

    ChunkParser(String text, String file, List<Chunks.Chunk> chunks) {
        this.text = text;
        this.file = file;
        this.chunks = chunks;
        this.results = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            results.add(null);
        }
    }

    /** Starts the helper thread, if there is a CPU for it. */
    ChunkParser start() {
        if (Runtime.getRuntime().availableProcessors() > 1) {
            Thread t = new Thread(this::help, "drbdadm-parse");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** The top-level statements of piece {@code i} (taken in order), or {@link #FAILED}. */
    List<TopStmtContext> take(int i) {
        synchronized (this) {
            while (results.get(i) == null && next > i) {
                waitHere();
            }
            if (results.get(i) != null) {
                List<TopStmtContext> r = results.set(i, null);
                taken = i + 1;
                notifyAll();
                return r;
            }
            next = i + 1;
        }
        List<TopStmtContext> r = parse(chunks.get(i));
        synchronized (this) {
            taken = i + 1;
            notifyAll();
        }
        return r;
    }

    /** No more pieces are needed: the helper ends. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private void help() {
        while (true) {
            int i;
            synchronized (this) {
                while (!stopped && next < chunks.size() && next - taken >= AHEAD) {
                    waitHere();
                }
                if (stopped || next >= chunks.size()) {
                    return;
                }
                i = next++;
            }
            List<TopStmtContext> r = parse(chunks.get(i));
            synchronized (this) {
                results.set(i, r);
                notifyAll();
            }
        }
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing " + file, e);
        }
    }

    /** Lexes and parses one piece; {@link #FAILED} for anything a whole-file parse reports. */
    private List<TopStmtContext> parse(Chunks.Chunk c) {
        try {
            DrbdConfLexer lexer = new DrbdConfLexer(text.substring(c.start(), c.end()), file);
            lexer.removeErrorListeners();
            lexer.setLine(c.line());
            lexer.setCharPositionInLine(0);
            // the parser pulls the tokens (a token at a time, in methods the JIT compiles early);
            // the lexical checks follow, on all of them: the piece is visited only if both pass
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            DrbdConfParser parser = new KeywordParser(tokens);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            List<TopStmtContext> out = new ArrayList<>();
            while (tokens.LA(1) != Token.EOF) {
                out.add(parser.topStmt());
            }
            Diagnostics lexical = new Diagnostics();
            new TokenCheck(file, lexical).check(tokens.getTokens());
            return lexical.size() > 0 ? FAILED : out;
        } catch (RuntimeException | StackOverflowError e) {
            return FAILED;
        }
    }
}
