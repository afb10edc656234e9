package th.pmqa.studio.command.comment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user ids a comment mentions: {@code @} followed by ASCII letters, digits, {@code -}, {@code _} and {@code .}.
 * Thai text may touch a mention on either side ({@code ขอ@u-12ช่วยดู} mentions {@code u-12}), since Thai letters
 * are not id characters. An {@code @} right after an id character is not a mention, so an e-mail address
 * ({@code somsri@example.go.th}) mentions nobody. A dot ending the id is taken as the end of the sentence. Each id
 * once, in order of first mention.
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9._-])@([A-Za-z0-9._-]+)");

    private Mentions() {
    }

    static List<String> in(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String id = matcher.group(1);
            while (id.endsWith(".")) {
                id = id.substring(0, id.length() - 1);
            }
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return List.copyOf(new ArrayList<>(ids));
    }
}
