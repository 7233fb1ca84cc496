package dev.sourced.telegram;

/** A Bot API call that did not succeed, even after the retries it deserved. */
final class SendFailure extends RuntimeException {
    /** What the failure means for the update being processed. */
    enum Kind {
        /** 403: the bot was blocked, kicked or the chat is gone; the chat is marked inactive. */
        CHAT_UNAVAILABLE,
        /** 400 and other refusals: sending again would fail again. */
        REJECTED,
        /** Network or server trouble that outlasted the retries, or a stop: the update stays pending. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int code;

    SendFailure(Kind kind, String method, int code, String description, Throwable cause) {
        super(method + " failed" + (code > 0 ? " (" + code + ")" : "") + ": " + description, cause);
        this.kind = kind;
        this.code = code;
    }

    Kind kind() {
        return kind;
    }

    int code() {
        return code;
    }
}
