package th.pmqa.studio.command.report;

import th.pmqa.studio.command.rejection.InvalidInputException;

import java.math.BigDecimal;

/**
 * What an indicator's target or value may be: from -999,999,999,999,999 to 999,999,999,999,999 (a province's budget in
 * baht, counted in trillions, fits) with at most 6 digits after the decimal point (a rate in parts per million does).
 * The bounds are whole numbers so that the OpenAPI description, whose numbers clients read as doubles, states them
 * exactly. Checked on the number as sent, without expanding it: {@code 1e5000000} is nine characters of JSON but five
 * million digits written out, as the report, history and change feed write it; refusing it here keeps every stored
 * form of a number at most {@link #MAX_PLAIN_LENGTH} characters.
 */
final class IndicatorNumber {

    static final int INTEGER_DIGITS = 15;
    static final int FRACTION_DIGITS = 6;
    /** The largest accepted value; its negation is the smallest. The OpenAPI description states both. */
    static final String MAXIMUM = "999999999999999";
    private static final BigDecimal LARGEST = new BigDecimal(MAXIMUM);
    /** Sign, 15 digits, point, 6 digits. */
    static final int MAX_PLAIN_LENGTH = 1 + INTEGER_DIGITS + 1 + FRACTION_DIGITS;

    private IndicatorNumber() {
    }

    /** Nothing to check for an absent number (a result without a target). */
    static void check(String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        // scale and precision are read off the number as parsed: no digits are produced
        if (value.scale() > FRACTION_DIGITS) {
            throw new InvalidInputException(field, field + " has more than " + FRACTION_DIGITS
                    + " digits after the decimal point; indicator numbers are from -" + MAXIMUM + " to " + MAXIMUM);
        }
        // digits before the point first: compareTo below is then on numbers of at most 21 digits
        if ((long) value.precision() - value.scale() > INTEGER_DIGITS || value.abs().compareTo(LARGEST) > 0) {
            throw new InvalidInputException(field, field + " is beyond the bounds of indicator numbers, -" + MAXIMUM
                    + " to " + MAXIMUM);
        }
    }
}
