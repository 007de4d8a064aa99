package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.Publication;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Writes each newly listed version's "Read online" page into the site, with its figures copied
 * beside it from the publications bucket, where publishing stored the version's article. A
 * version's page is written once its listing arrives and never rewritten after, so older
 * versions keep theirs; writing it again (a repeated stream batch) writes the same page.
 */
public final class ReadingPages {

    /** The figure names publishing gives ({@code 1.png}, {@code 12.jpg}): nothing else is copied. */
    private static final Pattern FIGURE = Pattern.compile("[1-9][0-9]{0,2}\\.(png|jpg)");
    /** A version's figures never change (its page is kept a minute, as every page: the site's shell around it may). */
    private static final String FIGURE_CACHE = "public, max-age=86400";

    private final S3Client s3;
    private final String publicationsBucket;
    private final String siteBucket;
    private final ReadingPage layout;

    public ReadingPages(S3Client s3, String publicationsBucket, SiteConfig config) {
        this.s3 = s3;
        this.publicationsBucket = publicationsBucket;
        this.siteBucket = config.siteBucket();
        this.layout = new ReadingPage(config.workingGroups());
    }

    /**
     * What a refresh wrote, for its log: the site's keys, and the versions whose listing names an
     * article that is not stored (publishing stores it before it lists the version, so this is
     * for operators: the rest of the site is still written).
     */
    public record Written(List<String> keys, List<String> missing) {
    }

    /** The pages of the listed versions that have an article: versions published before articles were stored have none, and no page. */
    public Written write(List<Publication> listed) {
        List<String> written = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Publication version : listed) {
            if (!version.readOnline()) {
                continue;
            }
            Element article;
            try {
                article = Jsoup.parseBodyFragment(s3.getObjectAsBytes(get -> get.bucket(publicationsBucket).key(version.articleKey()))
                        .asString(StandardCharsets.UTF_8)).body();
            } catch (NoSuchKeyException notStored) {
                missing.add(version.articleKey());
                continue;
            }
            // Figures first, so that a page never shows before what it shows.
            for (String name : figures(article, version.latestVersion())) {
                String key = SiteAddresses.key(SiteAddresses.readingFigure(version.id(), version.latestVersion(), name));
                s3.copyObject(copy -> copy.sourceBucket(publicationsBucket).sourceKey(BriefFiles.figure(version.id(), version.latestVersion(), name))
                        .destinationBucket(siteBucket).destinationKey(key).metadataDirective(MetadataDirective.REPLACE)
                        .contentType(name.endsWith(".png") ? "image/png" : "image/jpeg").cacheControl(FIGURE_CACHE));
                written.add(key);
            }
            String key = SiteAddresses.key(SiteAddresses.reading(version.id(), version.latestVersion()));
            s3.putObject(put -> put.bucket(siteBucket).key(key).contentType("text/html; charset=utf-8").cacheControl("public, max-age=60"),
                    RequestBody.fromBytes(layout.page(version, article).getBytes(StandardCharsets.UTF_8)));
            written.add(key);
        }
        return new Written(written, missing);
    }

    /** The figures an article shows, by the names publishing gave them in the version's folder. */
    private static Set<String> figures(Element article, int version) {
        String folder = BriefFiles.figureFolder(version) + "/";
        Set<String> names = new LinkedHashSet<>();
        for (Element image : article.select("img[src]")) {
            String src = image.attr("src");
            if (src.startsWith(folder) && FIGURE.matcher(src.substring(folder.length())).matches()) {
                names.add(src.substring(folder.length()));
            }
        }
        return names;
    }
}
