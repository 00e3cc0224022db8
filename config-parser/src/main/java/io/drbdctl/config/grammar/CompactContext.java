package io.drbdctl.config.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Base of the generated parser's contexts (the grammar's {@code contextSuperClass}): a node's
 * child list starts with room for four children instead of ten (most nodes have one to four,
 * and a configuration of 10000 resources makes about 250000 nodes), and the accessors the
 * generated code calls ({@code ctx.NUM()}, {@code ctx.hostStmt()}, ...) find children by index,
 * with no iterator each (the launcher's JIT does not remove those), and a node of one child has
 * that child's text: the same results as ParserRuleContext's.
 */
public class CompactContext extends ParserRuleContext {
    public CompactContext() {
    }

    public CompactContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(t);
        return t;
    }

    /** A node of one child (a word, a value) has that child's text: no copy of it. */
    @Override
    public String getText() {
        return children != null && children.size() == 1 ? children.get(0).getText() : super.getText();
    }

    @Override
    public <T extends ParseTree> T getChild(Class<? extends T> ctxType, int i) {
        if (children == null || i < 0 || i >= children.size()) {
            return null;
        }
        int j = -1;
        for (int k = 0; k < children.size(); k++) {
            ParseTree o = children.get(k);
            if (ctxType.isInstance(o) && ++j == i) {
                return ctxType.cast(o);
            }
        }
        return null;
    }

    @Override
    public TerminalNode getToken(int ttype, int i) {
        if (children == null || i < 0 || i >= children.size()) {
            return null;
        }
        int j = -1;
        for (int k = 0; k < children.size(); k++) {
            if (children.get(k) instanceof TerminalNode t && t.getSymbol().getType() == ttype && ++j == i) {
                return t;
            }
        }
        return null;
    }

    @Override
    public List<TerminalNode> getTokens(int ttype) {
        if (children == null) {
            return Collections.emptyList();
        }
        List<TerminalNode> tokens = null;
        for (int k = 0; k < children.size(); k++) {
            if (children.get(k) instanceof TerminalNode t && t.getSymbol().getType() == ttype) {
                if (tokens == null) {
                    tokens = new ArrayList<>();
                }
                tokens.add(t);
            }
        }
        return tokens == null ? Collections.emptyList() : tokens;
    }

    @Override
    public <T extends ParserRuleContext> T getRuleContext(Class<? extends T> ctxType, int i) {
        return getChild(ctxType, i);
    }

    @Override
    public <T extends ParserRuleContext> List<T> getRuleContexts(Class<? extends T> ctxType) {
        if (children == null) {
            return Collections.emptyList();
        }
        List<T> contexts = null;
        for (int k = 0; k < children.size(); k++) {
            ParseTree o = children.get(k);
            if (ctxType.isInstance(o)) {
                if (contexts == null) {
                    contexts = new ArrayList<>(4);
                }
                contexts.add(ctxType.cast(o));
            }
        }
        return contexts == null ? Collections.emptyList() : contexts;
    }
}
