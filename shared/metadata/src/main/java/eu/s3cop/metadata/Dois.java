package eu.s3cop.metadata;

/**
 * The DOIs of the catalogue under a DataCite prefix, as Zenodo names them: one for a publication
 * as a whole (its concept: every version, resolving to the newest) and one for each version. They
 * follow from the publication's id alone, so a version's DOI is known, and printed in its PDF,
 * before the registry has it: {@code 10.1234/s3cop.innovation-diffusion.bottlenecks} and
 * {@code ….v2}.
 *
 * @param prefix the repository's DOI prefix, {@code 10.} and digits
 */
public record Dois(String prefix) {

    public Dois {
        if (!prefix.matches("10\\.\\d{4,9}")) {
            throw new IllegalArgumentException("A DOI prefix is 10. and four to nine digits, such as 10.12345, not '" + prefix + "'");
        }
    }

    /** The publication's DOI, for all its versions. */
    public String concept(String id) {
        return prefix + "/s3cop." + id.replace('/', '.');
    }

    public String version(String id, int version) {
        return concept(id) + ".v" + version;
    }

    /** A DOI as a link, as citations print it. */
    public static String link(String doi) {
        return "https://doi.org/" + doi;
    }
}
