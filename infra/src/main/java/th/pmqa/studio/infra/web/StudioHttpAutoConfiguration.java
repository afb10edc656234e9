package th.pmqa.studio.infra.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** How both services answer at the HTTP level, whatever the endpoint. */
@AutoConfiguration
public class StudioHttpAutoConfiguration {

    @Bean
    public HeadRequests studioHeadRequests() {
        return new HeadRequests();
    }
}
