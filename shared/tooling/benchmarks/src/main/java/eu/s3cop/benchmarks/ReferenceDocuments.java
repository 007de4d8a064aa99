package eu.s3cop.benchmarks;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The documents the benchmarks measure, as a rapporteur would upload them: a six-page policy
 * brief with a wide table, and a long report of about 55 pages with tables, nested and task
 * lists, quotations, code and footnotes, both with text in several EU scripts.
 */
public enum ReferenceDocuments {
    BRIEF("policy-brief.md"),
    LONG_REPORT("long-report.md");

    private final String file;

    ReferenceDocuments(String file) {
        this.file = file;
    }

    public String fileName() {
        return file;
    }

    public byte[] markdown() {
        try (InputStream in = ReferenceDocuments.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The reference document " + file + " is missing from the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document read and checked as publish-brief reads it; it must be accepted. */
    public Draft draft() {
        Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read(file, markdown());
        if (outcome instanceof Outcome.Accepted<Draft> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("The reference document " + file + " is rejected: " + outcome);
    }
}
