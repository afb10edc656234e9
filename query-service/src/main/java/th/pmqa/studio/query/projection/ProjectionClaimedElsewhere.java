package th.pmqa.studio.query.projection;

/**
 * A rebuild refused because another query node works a segment of the projection (nothing was reset). The HTTP layer
 * answers it as a 409 problem; the projection itself knows nothing of HTTP.
 */
public class ProjectionClaimedElsewhere extends RuntimeException {

    public ProjectionClaimedElsewhere(String message) {
        super(message);
    }
}
