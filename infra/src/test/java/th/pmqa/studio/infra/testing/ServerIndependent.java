package th.pmqa.studio.infra.testing;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class whose outcome the web layer decides, not the database (access rules, input validation, the API's
 * description): CI runs it once, on the embedded server, and skips it in the second run on FerretDB, where every
 * request costs a full collection read and the whole suite has to fit CI's time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(named = "MONGODB_SERVER_NAME", matches = "ferretdb",
                               disabledReason = "decided by the web layer, not the database: runs on the embedded server")
public @interface ServerIndependent {
}
