package dev.notary4j.tuf.json;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON value names Go's decoder uses in "cannot unmarshal X into Go value of type T" errors. */
public final class GoJsonKinds {
    private GoJsonKinds() {
    }

    /** "object", "array", "string", "number", "bool" or "null". */
    public static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return "object";
            case ARRAY:
                return "array";
            case STRING:
                return "string";
            case NUMBER:
                return "number";
            case BOOLEAN:
                return "bool";
            default:
                return "null";
        }
    }

    /** Go's text for a number that does not fit an integer field: "number " + literal. */
    public static String numberLiteral(JsonNode number) {
        if (number.isBigInteger()) {
            return "number " + number.bigIntegerValue();
        }
        if (number.isIntegralNumber()) {
            return "number " + number.longValue();
        }
        if (number instanceof FloatLiteralNode literal) {
            return "number " + literal.literal();
        }
        return "number " + GoFloat.format(number.doubleValue());
    }
}
