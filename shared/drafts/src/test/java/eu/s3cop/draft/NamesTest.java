package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How working groups and publication types are named to people, by the one owner each has. */
class NamesTest {

    @Test
    void aWorkingGroupIsItsCodesWordsCapitalised() {
        assertThat(WorkingGroupNames.of("innovation-diffusion")).isEqualTo("Innovation Diffusion");
        assertThat(WorkingGroupNames.of("interregional-cooperation")).isEqualTo("Interregional Cooperation");
    }

    @Test
    void aTypesLabelIsTheOneItsDraftsPrint() {
        for (PublicationType type : PublicationType.values()) {
            assertThat(PublicationType.labelOf(type.code())).isEqualTo(type.label());
        }
        assertThat(PublicationType.labelOf("white-paper")).as("a code no type has, shown as it is").isEqualTo("white-paper");
    }
}
