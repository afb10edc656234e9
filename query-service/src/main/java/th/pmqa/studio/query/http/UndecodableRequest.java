package th.pmqa.studio.query.http;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import th.pmqa.studio.query.web.Problems;

/** The answer to a request body that cannot be decoded: the request's fault (400), not a server error. */
final class UndecodableRequest {

    private UndecodableRequest() {
    }

    static ResponseEntity<ProblemDetail> problem(DecodingException error) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalid("Content-Type", "the request could not be read: " + error.getMessage()).getBody());
    }
}
