package dev.notary4j.tuf.json;

import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * A non-integer number literal ({@code 1.5}, {@code 1e0}, {@code 1e400}) with its text: Go's decoder errors name the
 * literal ("cannot unmarshal number 1e0 into Go value of type int"), and values beyond float64 are infinite here.
 */
public final class FloatLiteralNode extends DoubleNode {
    private static final long serialVersionUID = 1L;
    private final String literal;

    public FloatLiteralNode(double value, String literal) {
        super(value);
        this.literal = literal;
    }

    public String literal() {
        return literal;
    }
}
