package dev.notary4j.tuf.json;

import com.fasterxml.jackson.databind.node.DoubleNode;

/** A number literal beyond float64 range; Go's decoder refuses it by its literal text, so keep that. */
public final class OutOfRangeNumberNode extends DoubleNode {
    private static final long serialVersionUID = 1L;
    private final String literal;

    public OutOfRangeNumberNode(double value, String literal) {
        super(value);
        this.literal = literal;
    }

    public String literal() {
        return literal;
    }
}
