package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SiteAddressesTest {

    @Test
    void aMaterialsAddressIsOnePathSegmentUnderItsEventWithSpacesAsPercentTwenty() {
        assertThat(SiteAddresses.material("bottlenecks-2024", "Slides day 1_v2.pdf"))
                .isEqualTo("/webinars/bottlenecks-2024/materials/Slides%20day%201_v2.pdf");
        assertThat(SiteAddresses.material("bottlenecks-2024", "a+b/c.pdf")).isEqualTo("/webinars/bottlenecks-2024/materials/a%2Bb%2Fc.pdf");
        assertThat(URI.create(SiteAddresses.material("x", "Slides day 1.pdf")).getPath()).isEqualTo("/webinars/x/materials/Slides day 1.pdf");
    }
}
