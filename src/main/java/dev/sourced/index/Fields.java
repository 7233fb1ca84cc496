package dev.sourced.index;

import dev.sourced.corpus.Lang;

/** Names of the fields of a passage in the Lucene index, and of the commit data. */
public final class Fields {
    /** Passage row id in SQLite (stored, exact). */
    public static final String PASSAGE_ID = "pid";
    /** Passage row id as doc values: read for every hit without decompressing stored fields. */
    public static final String PASSAGE_ID_DV = "pid_dv";
    /** Document id (stored, exact): deleting by it removes every passage of a document. */
    public static final String DOC_ID = "doc_id";
    public static final String LANG = "lang";
    public static final String START = "start";
    public static final String END = "end";
    /** Verbatim passage text (stored, not indexed). */
    public static final String TEXT = "text";
    /** Heading of the passage's section and the neighbouring sentences (stored, not indexed). */
    public static final String CONTEXT_STORED = "ctx_stored";
    /** The article's title and the passage's section heading (stored, not indexed): what the passage is about. */
    public static final String SCOPE_STORED = "scope_stored";
    /** Passage text analysed for French, English or neither, by the document's language. */
    public static final String BODY_FR = "body_fr";
    public static final String BODY_EN = "body_en";
    public static final String BODY_XX = "body_xx";
    /** Title, heading and neighbouring sentences, analysed like the body, matched at a lower weight. */
    public static final String CTX_FR = "ctx_fr";
    public static final String CTX_EN = "ctx_en";
    public static final String CTX_XX = "ctx_xx";
    /** Word prefixes, folded: matches cognates across languages ("technologie" / "technology"). */
    public static final String COGNATE = "cognate";
    /** What kind of facts the passage carries: a number, an amount of money, a date, a name. */
    public static final String FEATURES = "feat";
    /** Embedding of the passage text. */
    public static final String VECTOR = "vec";
    /** Commit user data: the last outbox sequence number applied to the index. */
    public static final String COMMIT_OUTBOX_SEQ = "outbox_seq";
    /** Commit user data: the layout of the index's fields; an index of another layout is rebuilt from SQLite. */
    public static final String COMMIT_SCHEMA = "schema";
    /** The current layout. Bump it whenever a field is added, removed or analysed differently. */
    public static final String SCHEMA_VERSION = "6";
    /** Commit user data: the embedding model whose vectors the index holds. */
    public static final String COMMIT_MODEL = "embedding_model";

    private Fields() {
    }

    public static String body(Lang lang) {
        return switch (lang) {
            case FR -> BODY_FR;
            case EN -> BODY_EN;
            case OTHER -> BODY_XX;
        };
    }

    public static String context(Lang lang) {
        return switch (lang) {
            case FR -> CTX_FR;
            case EN -> CTX_EN;
            case OTHER -> CTX_XX;
        };
    }
}
