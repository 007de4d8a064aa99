package eu.s3cop.stack.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void variablesTakeOneSegmentAndGreedyVariablesTheRest() {
        assertThat(new Route("f", "GET", "/publications/{wg}/{slug}").match("GET", "/publications/a/b"))
                .hasValue(Map.of("wg", "a", "slug", "b"));
        assertThat(new Route("f", "GET", "/publications/{wg}/{slug}").match("GET", "/publications/a")).isEmpty();
        assertThat(new Route("f", "GET", "/publications/{wg}/{slug}").match("GET", "/publications/a/b/c")).isEmpty();
        assertThat(new Route("f", "ANY", "/files/{path+}").match("DELETE", "/files/a/b")).hasValue(Map.of("path", "a/b"));
        assertThat(new Route("f", "ANY", "/files/{path+}").match("GET", "/files")).isEmpty();
    }

    @Test
    void methodsMustMatchUnlessTheRouteTakesAny() {
        assertThat(new Route("f", "POST", "/x").match("GET", "/x")).isEmpty();
        assertThat(new Route("f", "POST", "/x").match("post", "/x")).isPresent();
    }

    @Test
    void literalSegmentsAreMoreSpecificThanVariables() {
        Route literal = new Route("f", "GET", "/items/{group}/summary");
        Route variable = new Route("f", "GET", "/items/{group}/{name}");
        Route greedy = new Route("f", "ANY", "/{proxy+}");
        assertThat(literal.specificity()).isGreaterThan(variable.specificity());
        assertThat(variable.specificity()).isGreaterThan(greedy.specificity());
    }
}
