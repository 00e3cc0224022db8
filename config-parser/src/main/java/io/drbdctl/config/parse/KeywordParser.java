package io.drbdctl.config.parse;

import io.drbdctl.config.grammar.DrbdConfLexer;
import io.drbdctl.config.grammar.DrbdConfParser;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;

/**
 * The generated parser with the keywords' literal names in its vocabulary: the lexer types
 * keywords in code (see DrbdConfLexer.g4), so the generated vocabulary knows only their symbolic
 * names, and syntax errors would say "expecting ON" instead of "expecting 'on'".
 */
final class KeywordParser extends DrbdConfParser {
    /** Made once: a big file is parsed in many pieces, each with a parser of its own. */
    private static final Vocabulary VOCABULARY = DrbdConfLexer.keywordVocabulary();

    KeywordParser(TokenStream input) {
        super(input);
    }

    @Override
    public Vocabulary getVocabulary() {
        return VOCABULARY;
    }
}
