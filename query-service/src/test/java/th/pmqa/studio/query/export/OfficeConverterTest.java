package th.pmqa.studio.query.export;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficeConverterTest {

    @Test
    void withoutLibreOfficeAPdfIsA503ProblemSayingHowToInstallIt() {
        OfficeConverter office = new OfficeConverter("/nonexistent/libreoffice", "2002", Duration.ofSeconds(5), 1, "lazy");

        assertThat(office.installed()).isFalse();
        assertThatThrownBy(() -> office.toPdf(new byte[] {1}))
                .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getBody().getDetail()).contains("infra/install-office.sh");
                    assertThat(problem.getBody().getType().toString()).endsWith("office-unavailable");
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("10");
                });
    }

    @Test
    void aPortListOutsideOneToEightProcessesIsRefusedAtStart() {
        assertThatThrownBy(() -> new OfficeConverter("", "", Duration.ofSeconds(5), 1, "lazy"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("studio.export.office-ports");
    }

    @Test
    void recentPdfsKeepTheLastAskedWithinTheirBounds() {
        RecentPdfs recent = new RecentPdfs(2, 10);
        recent.put("a", new byte[4]);
        recent.put("b", new byte[4]);
        recent.get("a");
        recent.put("c", new byte[4]); // over both bounds: b, the least recently asked, goes

        assertThat(recent.get("a")).isPresent();
        assertThat(recent.get("b")).isEmpty();
        assertThat(recent.get("c")).isPresent();
        recent.put("huge", new byte[11]);
        assertThat(recent.get("huge")).isEmpty();
    }
}
