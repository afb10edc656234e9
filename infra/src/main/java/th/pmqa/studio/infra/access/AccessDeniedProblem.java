package th.pmqa.studio.infra.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A request this person may not make: a 403 problem naming the action, raised before anything is read or changed,
 * so the answer never carries the data.
 */
public class AccessDeniedProblem extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://pmqa-studio.example/problems/forbidden");

    public AccessDeniedProblem(Action action, String detail) {
        super(HttpStatus.FORBIDDEN, problem(action, detail), null);
    }

    private static ProblemDetail problem(Action action, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Forbidden");
        problem.setProperty("action", action.name());
        return problem;
    }
}
