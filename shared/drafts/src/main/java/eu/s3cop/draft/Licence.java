package eu.s3cop.draft;

import java.util.Arrays;
import java.util.Optional;

/**
 * The licences a publication may carry, by their SPDX ids as a draft names them in
 * {@code licence}. CC BY 4.0 is the default: the Commission's reuse policy adopts it for the
 * documents it publishes. The others are the open licences a community document may need
 * instead (share-alike, no derivatives, or none at all); none restricts commercial reuse,
 * which OpenAIRE and the Commission's open-access rules do not count as open.
 */
public enum Licence {
    CC_BY_4_0("CC-BY-4.0", "CC BY 4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA_4_0("CC-BY-SA-4.0", "CC BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    CC_BY_ND_4_0("CC-BY-ND-4.0", "CC BY-ND 4.0", "Creative Commons Attribution-NoDerivatives 4.0 International",
            "https://creativecommons.org/licenses/by-nd/4.0/"),
    CC0_1_0("CC0-1.0", "CC0 1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/");

    public static final Licence DEFAULT = CC_BY_4_0;

    private final String id;
    private final String shortName;
    private final String title;
    private final String url;

    Licence(String id, String shortName, String title, String url) {
        this.id = id;
        this.shortName = shortName;
        this.title = title;
        this.url = url;
    }

    /** The SPDX identifier, as a draft and the index name it. */
    public String id() {
        return id;
    }

    /** The name people know it by, "CC BY 4.0". */
    public String shortName() {
        return shortName;
    }

    /** Its full name, "Creative Commons Attribution 4.0 International". */
    public String title() {
        return title;
    }

    /** Its deed, which harvesters and DataCite know it by. */
    public String url() {
        return url;
    }

    public static Optional<Licence> of(String id) {
        return Arrays.stream(values()).filter(licence -> licence.id.equals(id)).findFirst();
    }

    /** The licence the index names, the default for a publication stored before licences were (which the default covered). */
    public static Licence orDefault(String id) {
        return of(id).orElse(DEFAULT);
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Licence::id).toList());
    }
}
