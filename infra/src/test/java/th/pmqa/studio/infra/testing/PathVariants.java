package th.pmqa.studio.infra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spellings of one request path that an attacker tries against an access check: each must be answered as the
 * plain path is, or refused outright, never let through to another organization's data. The router matches on
 * decoded segments, so an access check that reads the raw path can be walked around by any of these.
 */
public final class PathVariants {

    private PathVariants() {
    }

    /** How a variant must be answered, compared with the plain path's status for the same token. */
    public enum Expect {
        /** Means the same resource (RFC 3986 equivalent, or HEAD for GET): the very same status. */
        SAME,
        /** Ambiguous to one reader or another: refused by the firewall with a 400 problem before any filter reads it. */
        REFUSED,
        /** No endpoint has this path: 404, or without a token the 401 of every path that is not public. */
        NOT_FOUND
    }

    /** One spelling: what was done to the path, the path (still percent-encoded, to be sent as it is), the expectation. */
    public record Variant(String kind, String path, Expect expect) {

        /**
         * Whether {@code answer} is what this variant must get, given the plain path's status for the same request.
         * A path no endpoint has is 404; without a token it may be the 401 that every path outside the public ones
         * gets first, or the 403 the plain path gets (a whole subtree such as {@code /actuator/**} is refused to
         * a role before any endpoint is looked for).
         */
        public boolean accepts(int answer, int plainStatus, boolean withToken) {
            return switch (expect) {
                case SAME -> answer == plainStatus;
                case REFUSED -> answer == 400;
                case NOT_FOUND -> answer == 404 || (!withToken && answer == 401) || (plainStatus == 403 && answer == 403);
            };
        }
    }

    /**
     * Variants of {@code pathAndQuery} (a plain path such as {@code /api/assessments/KKN-2567/report?from=0}): one
     * letter of each segment percent-encoded with lower- and upper-case hex digits, every segment encoded at once,
     * encoded slashes, encoded and plain dot segments, a doubled slash, a trailing slash and matrix parameters.
     */
    public static List<Variant> of(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        String[] segments = path.substring(1).split("/", -1);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            int at = letterToEncode(segments[i]);
            if (at < 0) {
                continue;
            }
            for (boolean upper : new boolean[]{false, true}) {
                String[] changed = segments.clone();
                changed[i] = encodeAt(segments[i], at, upper);
                variants.add(new Variant("'" + segments[i].charAt(at) + "' of segment " + (i + 1) + " as "
                                         + (upper ? "upper" : "lower") + "-case %XX",
                                         "/" + String.join("/", changed) + query, Expect.SAME));
            }
        }
        String[] all = segments.clone();
        for (int i = 0; i < all.length; i++) {
            int at = letterToEncode(all[i]);
            all[i] = at < 0 ? all[i] : encodeAt(all[i], at, false);
        }
        variants.add(new Variant("a letter of every segment encoded", "/" + String.join("/", all) + query, Expect.SAME));
        if (segments.length > 1) {
            String rest = String.join("/", java.util.Arrays.copyOfRange(segments, 1, segments.length));
            variants.add(new Variant("encoded slash %2F", "/" + segments[0] + "%2F" + rest + query, Expect.REFUSED));
            variants.add(new Variant("encoded slash %2f", "/" + segments[0] + "%2f" + rest + query, Expect.REFUSED));
            variants.add(new Variant("encoded backslash", "/" + segments[0] + "%5C" + rest + query, Expect.REFUSED));
            variants.add(new Variant("encoded dot segment", "/" + segments[0] + "/x/%2E%2E/" + rest + query, Expect.REFUSED));
            variants.add(new Variant("dot segment", "/" + segments[0] + "/x/../" + rest + query, Expect.REFUSED));
            variants.add(new Variant("single-dot segment", "/" + segments[0] + "/./" + rest + query, Expect.REFUSED));
            variants.add(new Variant("doubled slash", "/" + segments[0] + "//" + rest + query, Expect.REFUSED));
            variants.add(new Variant("matrix parameter", "/" + segments[0] + ";v=1/" + rest + query, Expect.REFUSED));
        }
        variants.add(new Variant("matrix parameter on the last segment", path + ";v=1" + query, Expect.REFUSED));
        variants.add(new Variant("trailing slash", path + "/" + query, Expect.NOT_FOUND));
        return variants;
    }

    /** A letter whose code has a hex letter (so upper- and lower-case escapes differ), else any letter; -1 if none. */
    private static int letterToEncode(String segment) {
        int any = -1;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                if (Integer.toHexString(c).matches(".*[a-f].*")) {
                    return i;
                }
                any = any < 0 ? i : any;
            }
        }
        return any;
    }

    private static String encodeAt(String segment, int at, boolean upper) {
        String hex = String.format("%%%02x", (int) segment.charAt(at));
        return segment.substring(0, at) + (upper ? hex.toUpperCase(Locale.ROOT) : hex) + segment.substring(at + 1);
    }
}
