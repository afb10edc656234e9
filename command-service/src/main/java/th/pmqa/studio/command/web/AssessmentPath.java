package th.pmqa.studio.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import th.pmqa.studio.report.AssessmentId;

/** The assessment a request path names, checked before it is used to find an organization or load a stream. */
public final class AssessmentPath {

    private AssessmentPath() {
    }

    /**
     * @throws AggregateNotFoundException (404 {@code assessment-not-found}) when the id has not the form of an
     *                                    assessment id: no assessment can have it, and another aggregate's stream might
     */
    public static AssessmentId of(String id) {
        if (!AssessmentId.isWellFormed(id)) {
            throw new AggregateNotFoundException(id, "no assessment has an id of this form");
        }
        return new AssessmentId(id);
    }
}
