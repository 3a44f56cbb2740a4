package dev.notary4j.tuf.json;

import java.math.BigDecimal;

/** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, used to reproduce Go's error texts. */
final class GoFloat {
    private GoFloat() {
    }

    static String format(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - d.scale() - 1;
        StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            out.append(abs < 10 ? "0" : "").append(abs);
        } else {
            out.append(d.toPlainString());
        }
        return out.toString();
    }
}
