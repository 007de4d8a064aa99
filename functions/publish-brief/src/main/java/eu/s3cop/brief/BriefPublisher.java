package eu.s3cop.brief;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftKey;
import eu.s3cop.draft.FrontMatter;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.PlainText;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.BriefFiles;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.publications.UploadStatus;
import eu.s3cop.publications.UploadStatuses;
import eu.s3cop.render.DraftSources;
import eu.s3cop.render.OnlineBrief;
import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.Priming;
import eu.s3cop.render.References;
import eu.s3cop.render.RenderSettings;
import eu.s3cop.render.RenderedPdf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes one uploaded draft, safely under repeated, reordered and concurrent delivery.
 *
 * <p>A draft's content is identified by its SHA-256. A version number and that content are
 * claimed together in one DynamoDB transaction; the PDF is then stored under its version's key,
 * and a second transaction makes the version visible. Readers see a version only after its PDF
 * is stored, a repeat of the same upload finds its content claimed and publishes nothing new,
 * and two different uploads racing for one number both end up published, one as N+1. A failure
 * anywhere leaves at most a pending version that the retry of the same event completes.
 *
 * <p>The catalogue site is not this class's work: the transaction that lists a version also
 * lands on the table's stream, which refreshes the site in batches (refresh-catalogue).
 */
public final class BriefPublisher {


    /** What became of an upload. */
    public enum Result { PUBLISHED, UNCHANGED, PREVIEW, REJECTED, IGNORED, SUPERSEDED }

    /**
     * The result for the log line and metrics: what happened, to which publication and version,
     * how long the layout took, and why it failed when the layout engine gave up.
     */
    public record Publication(Result result, String id, int version, long renderMillis, Throwable layoutFailure) {

        Publication(Result result, String id, int version) {
            this(result, id, version, 0, null);
        }
    }

    /** A layout: the PDF, or the failure that a rejection report has already told the rapporteur about. */
    private record Layout(RenderedPdf pdf, long millis, Throwable failure) {
    }

    private static final int MAX_ATTEMPTS = 25;

    private final PublishingConfig config;
    private final S3Objects objects;
    private final DynamoDbPublicationStore store;
    private final UploadStatuses statuses;
    private final DraftReader reader;
    private final PdfRenderer renderer;
    private final Clock clock;

    public BriefPublisher(PublishingConfig config, S3Client s3, DynamoDbClient dynamoDb, PdfRenderer renderer, Clock clock) {
        this.config = config;
        this.objects = new S3Objects(s3);
        this.store = new DynamoDbPublicationStore(dynamoDb, config.table());
        this.statuses = new UploadStatuses(dynamoDb, config.table());
        this.reader = new DraftReader(config.rules());
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * Reads and lays out a built-in draft (tables, lists, footnotes, several scripts) and stores
     * nothing: run before a SnapStart snapshot, it leaves the fonts parsed and the layout code
     * loaded and compiled, and nothing that belongs to one container.
     *
     * @return the pages laid out
     */
    public int prime() {
        byte[] text = Priming.draft(config.workingGroups().get(0));
        Outcome<Draft> outcome = reader.read("priming.md", text);
        if (outcome instanceof Outcome.Rejected<Draft> rejected) {
            throw new IllegalStateException("The built-in priming draft is rejected: " + rejected.problems());
        }
        Draft draft = ((Outcome.Accepted<Draft>) outcome).value();
        DraftSources sources = DraftSources.resolve(draft, Priming.folder());
        if (!sources.problems().isEmpty()) {
            throw new IllegalStateException("The built-in priming bibliography is rejected: " + sources.problems());
        }
        return renderer.render(draft, new RenderSettings(1, Instant.EPOCH), sources.images(), sources.references()).pages();
    }

    public Publication publish(Upload upload) {
        Optional<DraftKey> key = upload.bucket().equals(config.uploadsBucket())
                ? DraftKey.of(upload.key(), config.rules().workingGroups()) : Optional.empty();
        if (key.isEmpty()) {
            return new Publication(Result.IGNORED, null, 0);
        }
        S3Objects.Read read = objects.read(upload, config.rules().maxBytes());
        if (read instanceof S3Objects.TooLarge tooLarge) {
            return reject(upload, reader.tooLarge(key.get(), tooLarge.size()));
        }
        if (!(read instanceof S3Objects.Fetched fetched)) {
            return new Publication(Result.SUPERSEDED, null, 0);
        }
        byte[] bytes = fetched.bytes();
        Outcome<Draft> outcome = reader.read(key.get(), bytes);
        if (outcome instanceof Outcome.Rejected<Draft> rejected) {
            return reject(upload, rejected.problems());
        }
        Draft draft = ((Outcome.Accepted<Draft>) outcome).value();
        DraftSources sources = DraftSources.resolve(draft, objects.folder(upload.bucket(), folder(upload.key())));
        if (!sources.problems().isEmpty()) {
            return reject(upload, sources.problems());
        }
        List<Problem> translation = TranslationCheck.problems(draft, store);
        if (!translation.isEmpty()) {
            return reject(upload, translation);
        }
        // What the citations print is part of the content: a corrected bibliography makes a new version of the same draft.
        String sha = sources.references() == References.NONE ? sha256(bytes)
                : sha256((sha256(bytes) + sources.references().fingerprint()).getBytes(StandardCharsets.UTF_8));
        if (draft.meta().preview()) {
            return preview(upload, draft, sources, sha);
        }
        return publish(upload, draft, sources, sha);
    }

    private Publication publish(Upload upload, Draft draft, DraftSources sources, String sha) {
        String id = draft.publicationId();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<DynamoDbPublicationStore.ContentRecord> existing = store.content(id, sha);
            if (existing.isPresent() && existing.get().published()) {
                return unchanged(upload, draft, existing.get().version());
            }
            int version;
            Instant claimedAt;
            if (existing.isPresent()) {
                // Claimed by an earlier delivery that did not finish: finish it, identically.
                version = existing.get().version();
                claimedAt = existing.get().claimedAt();
            } else {
                version = store.latestClaimed(id) + 1;
                claimedAt = clock.instant();
            }
            Layout layout = render(upload, draft, sources, version, claimedAt);
            if (layout.pdf() == null) {
                return new Publication(Result.REJECTED, id, 0, layout.millis(), layout.failure());
            }
            RenderedPdf pdf = layout.pdf();
            if (existing.isEmpty()) {
                DynamoDbPublicationStore.Claim claim = store.claim(id, version, sha, upload.key(), claimedAt);
                if (claim != DynamoDbPublicationStore.Claim.CLAIMED) {
                    continue;
                }
            }
            String pdfKey = BriefFiles.pdf(id, version);
            objects.put(config.publicationsBucket(), pdfKey, pdf.bytes(), "application/pdf");
            // Stored before the version is listed, so the search index finds the words when the listing reaches it.
            objects.put(config.publicationsBucket(), BriefFiles.text(id, version), PlainText.of(draft).getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8");
            String articleKey = storeArticle(id, version, draft, sources);
            PublishedVersion published = new PublishedVersion(id, version, metadata(draft.meta()), pdfKey, pdf.pages(),
                    pdf.bytes().length, sha256(pdf.bytes()), sha, upload.key(), upload.uploader(), clock.instant(), articleKey);
            store.complete(published);
            objects.put(upload.bucket(), Report.key(upload.key()), Report.published(upload, published, draft.warnings()), "application/json");
            recordStatus(upload, UploadStatus.published(id, version));
            return new Publication(Result.PUBLISHED, id, version, layout.millis(), null);
        }
        throw new PublishingContentionException(id, MAX_ATTEMPTS);
    }

    /**
     * The version's article and its figures, from which the site makes the version's web page:
     * figures first, so that an article is never stored before what it shows.
     */
    private String storeArticle(String id, int version, Draft draft, DraftSources sources) {
        OnlineBrief.Article article = OnlineBrief.of(draft, sources.images(), sources.references(), BriefFiles.figureFolder(version));
        article.figures().forEach((name, bytes) -> objects.put(config.publicationsBucket(), BriefFiles.figure(id, version, name), bytes,
                name.endsWith(".png") ? "image/png" : "image/jpeg"));
        String key = BriefFiles.article(id, version);
        objects.put(config.publicationsBucket(), key, article.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        return key;
    }

    private Publication unchanged(Upload upload, Draft draft, int version) {
        String id = draft.publicationId();
        store.publishedVersion(id, version).ifPresent(stored -> {
            PublishedVersion published = new PublishedVersion(id, version, metadata(draft.meta()), stored.pdfKey(), stored.pages(),
                    stored.size(), stored.pdfSha256(), "", upload.key(), upload.uploader(), Instant.parse(stored.publishedAt()));
            objects.put(upload.bucket(), Report.key(upload.key()), Report.published(upload, published, draft.warnings()), "application/json");
        });
        recordStatus(upload, UploadStatus.unchanged(id, version));
        return new Publication(Result.UNCHANGED, id, version);
    }

    private Publication preview(Upload upload, Draft draft, DraftSources sources, String sha) {
        String id = draft.publicationId();
        Instant now = clock.instant();
        Layout layout = render(upload, draft, sources, store.latestClaimed(id) + 1, now);
        if (layout.pdf() == null) {
            return new Publication(Result.REJECTED, id, 0, layout.millis(), layout.failure());
        }
        RenderedPdf pdf = layout.pdf();
        String pdfKey = "previews/" + id + "/" + sha.substring(0, 16) + ".pdf";
        objects.put(config.publicationsBucket(), pdfKey, pdf.bytes(), "application/pdf");
        store.savePreview(id, sha, draft.meta().title(), pdfKey, pdf.pages(), pdf.bytes().length, upload.key(), now);
        objects.put(upload.bucket(), Report.key(upload.key()), Report.preview(upload, id, pdfKey, pdf.pages(), draft.warnings()), "application/json");
        statuses.recordStatus(upload.bucket(), upload.key(), upload.eTag(), UploadStatus.preview(id), now);
        return new Publication(Result.PREVIEW, id, 0, layout.millis(), null);
    }

    /**
     * The PDF, or no PDF after writing a rejection when the layout engine cannot lay the draft out,
     * whether it threw or ran out of memory or stack.
     * The rapporteur gets a plain answer; the failure goes back to the handler's log, for operators.
     */
    private Layout render(Upload upload, Draft draft, DraftSources sources, int version, Instant created) {
        long started = System.nanoTime();
        try {
            // A version's DOI follows from its id: its PDF names it before DataCite registers it (register-dois does, soon after).
            String doi = draft.meta().preview() ? null : config.dois().map(dois -> dois.version(draft.publicationId(), version)).orElse(null);
            RenderedPdf pdf = renderer.render(draft, new RenderSettings(version, created, doi), sources.images(), sources.references());
            return new Layout(pdf, (System.nanoTime() - started) / 1_000_000, null);
        } catch (LinkageError brokenPackage) {
            // A class missing from the deployment package fails every draft alike: for operators, not the rapporteur.
            throw brokenPackage;
        } catch (RuntimeException | Error e) {
            // Out of memory or stack included: retrying the same draft would fail the same way.
            long millis = (System.nanoTime() - started) / 1_000_000;
            reject(upload, List.of(Problem.ofFile("the draft could not be laid out as a PDF ("
                    + e.getClass().getSimpleName() + "); simplify its structure and upload it again")));
            return new Layout(null, millis, e);
        }
    }

    private Publication reject(Upload upload, List<Problem> problems) {
        objects.put(upload.bucket(), Report.key(upload.key()), Report.rejected(upload, problems), "application/json");
        recordStatus(upload, UploadStatus.rejected(problems.size()));
        return new Publication(Result.REJECTED, null, 0);
    }

    private void recordStatus(Upload upload, UploadStatus status) {
        statuses.recordStatus(upload.bucket(), upload.key(), upload.eTag(), status, clock.instant());
    }

    /** What the index keeps of a draft's front matter. */
    private static Metadata metadata(FrontMatter meta) {
        return new Metadata(meta.title(), meta.type().code(), meta.workingGroup(), meta.authors(), meta.date(), meta.language(),
                meta.summary(), meta.keywords(), meta.translation() ? meta.workingGroup() + "/" + meta.translationOf() : "",
                meta.licence().id(), WorkingGroupNames.SECRETARIAT.equals(meta.workingGroup()) ? meta.workingGroups() : List.of(meta.workingGroup()));
    }

    private static String folder(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
