package th.pmqa.studio.infra.tracing;

/**
 * What the access line of one request says about who asked: filled in once the token has been checked, read when the
 * response is complete. Lives in the request's Reactor context, from the HTTP handler down to the filters.
 */
final class RequestTrace {

    private final String id;
    private volatile String subject;
    private volatile String organization;

    RequestTrace(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    void signedIn(String subject, String organization) {
        this.subject = subject;
        this.organization = organization;
    }

    String subject() {
        return subject;
    }

    String organization() {
        return organization;
    }
}
