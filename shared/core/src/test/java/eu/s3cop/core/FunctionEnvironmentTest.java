package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    @Test
    void workingGroupsAreTheTemplatesListTrimmedOrItsDefault() {
        assertThat(FunctionEnvironment.of(Map.of("WORKING_GROUPS", " smart-grids, ,blue-economy ")).workingGroups())
                .containsExactly("smart-grids", "blue-economy");
        assertThat(FunctionEnvironment.of(Map.of()).workingGroups()).isEqualTo(FunctionEnvironment.DEFAULT_WORKING_GROUPS);
        assertThat(FunctionEnvironment.of(Map.of("WORKING_GROUPS", " ")).workingGroups()).isEqualTo(FunctionEnvironment.DEFAULT_WORKING_GROUPS);
    }
}
