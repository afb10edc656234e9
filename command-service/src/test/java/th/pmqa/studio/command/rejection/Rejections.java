package th.pmqa.studio.command.rejection;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

/** Matchers for the rejections aggregates throw, for Axon fixtures' {@code expectException}. */
public final class Rejections {

    private Rejections() {
    }

    /** A rejection of {@code type} that names {@code field} (the field its problem details will name). */
    public static Matcher<Object> rejected(Class<? extends RejectedCommandException> type, String field) {
        return allOf(instanceOf(type), new FeatureMatcher<Object, String>(equalTo(field), "field", "field") {
            @Override
            protected String featureValueOf(Object actual) {
                return ((RejectedCommandException) actual).field();
            }
        });
    }
}
