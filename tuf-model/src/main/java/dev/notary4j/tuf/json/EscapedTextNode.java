package dev.notary4j.tuf.json;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A string value whose JSON text contained backslash escapes. It equals a plain {@link TextNode} with the
 * same value; the distinction matters where Go hands the raw token to a custom decoder: {@code time.Time}
 * parses the raw text and therefore rejects any escaped timestamp.
 */
public final class EscapedTextNode extends TextNode {
    private static final long serialVersionUID = 1L;

    public EscapedTextNode(String value) {
        super(value);
    }
}
