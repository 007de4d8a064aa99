package eu.s3cop.render;

import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.draft.Draft;
import eu.s3cop.draft.FrontMatter;
import eu.s3cop.draft.Markdown;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The brief as an HTML document for the layout engine: metadata in the head, a cover, and the
 * draft's body. Every piece of the draft's text goes in as text (jsoup escapes it); links keep
 * only web and mail addresses; images point only at images fetched beforehand.
 */
final class BriefHtml {

    static final String IMAGE_SCHEME = "s3cop-image";
    static final String COMMUNITY = WorkingGroupNames.COMMUNITY;

    private BriefHtml() {
    }

    static Document build(Draft draft, RenderSettings settings, Map<String, byte[]> images, References references, String css) {
        FrontMatter meta = draft.meta();
        Document document = Document.createShell("");
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).charset("UTF-8").prettyPrint(false);
        Element html = document.selectFirst("html");
        html.attr("lang", meta.language());
        Element head = document.head();
        head.appendElement("meta").attr("charset", "UTF-8");
        head.appendElement("title").text(meta.title());
        head.appendElement("meta").attr("name", "author").attr("content", String.join(", ", meta.authors()));
        head.appendElement("meta").attr("name", "subject").attr("content",
                meta.summary().isEmpty() ? meta.type().label() + " of the " + WorkingGroupNames.author(meta.workingGroup()) : meta.summary());
        if (!meta.keywords().isEmpty()) {
            head.appendElement("meta").attr("name", "keywords").attr("content", String.join(", ", meta.keywords()));
        }
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));

        Element body = document.body();
        body.attr("class", meta.preview() ? "preview" : "final");
        if (meta.preview()) {
            body.appendElement("div").addClass("watermark").attr("aria-hidden", "true").text("DRAFT");
        }
        body.appendElement("div").addClass("running-header").text((WorkingGroupNames.SECRETARIAT.equals(meta.workingGroup()) ? "S3 CoP"
                : WorkingGroupNames.of(meta.workingGroup())) + " · " + shortTitle(meta.title()));
        cover(body.appendElement("section").addClass("cover"), meta, settings);
        Element contents = body.appendElement("nav").addClass("toc");
        Element content = body.appendElement("main").addClass("content");
        body(draft, content, images, references, src -> IMAGE_SCHEME + ":" + index(images, src));
        TableBreaks.mark(content);
        contents(head, contents, content);
        return document;
    }

    /**
     * The draft's body into {@code content}, as every form of the brief shows it: figures and
     * tables numbered and referenced, citations formatted and the reference list at the end,
     * links kept only to the web, mail and the document itself, and images only those fetched,
     * at the address {@code imageAddress} gives for the draft's path.
     */
    static void body(Draft draft, Element content, Map<String, byte[]> images, References references,
            java.util.function.UnaryOperator<String> imageAddress) {
        content.append(Markdown.html(draft.body()));
        // Before sanitising: an image not fetched (a web address) still counts as its figure, as the checks counted it.
        Captions.apply(content);
        ReferenceList.apply(content, references);
        sanitise(content, images, imageAddress);
    }

    /**
     * The table of contents from the headings (levels 1 to 3), with page numbers, and the same
     * entries as PDF bookmarks in {@code head} (none where it is null: a web page). Headings get ids of their own so that links work whatever the
     * script of their text; the draft's own links to a heading by its GitHub-style anchor
     * ({@code [results](#results-across-regions)}) follow it to its new id.
     */
    static void contents(Element head, Element nav, Element content) {
        Elements headings = content.select("h1, h2, h3, h4, h5, h6");
        Map<String, String> renamed = new HashMap<>();
        int number = 0;
        for (Element heading : headings) {
            String id = "section-" + ++number;
            if (!heading.id().isEmpty()) {
                renamed.putIfAbsent(heading.id(), id);
            }
            heading.attr("id", id);
        }
        for (Element link : content.select("a[href^=#]")) {
            String id = renamed.get(anchor(link.attr("href")));
            if (id != null) {
                link.attr("href", "#" + id);
            }
        }
        List<Element> listed = headings.stream().filter(heading -> heading.tagName().compareTo("h4") < 0).toList();
        if (listed.isEmpty()) {
            nav.remove();
            return;
        }
        nav.appendElement("h2").addClass("toc-title").text("Contents");
        Element bookmarks = head == null ? null : head.appendElement("bookmarks");
        Element list = nav.appendElement("ol");
        Deque<Element> open = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        for (Element heading : listed) {
            int level = heading.tagName().charAt(1) - '0';
            Element item = list.appendElement("li").addClass("toc-level-" + level);
            item.appendElement("a").attr("href", "#" + heading.id()).text(heading.text());
            while (!levels.isEmpty() && levels.peek() >= level) {
                levels.pop();
                open.pop();
            }
            if (bookmarks != null) {
                Element parent = open.isEmpty() ? bookmarks : open.peek();
                open.push(parent.appendElement("bookmark").attr("name", heading.text()).attr("href", "#" + heading.id()));
                levels.push(level);
            }
        }
    }

    /** An in-document link's anchor as the heading's id reads: percent-escapes decoded where they are well formed. */
    private static String anchor(String href) {
        String raw = href.substring(1);
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static void cover(Element cover, FrontMatter meta, RenderSettings settings) {
        cover.appendElement("p").addClass("community").text(COMMUNITY + " (S3 CoP)");
        cover.appendElement("p").addClass("working-group").text(WorkingGroupNames.author(meta.workingGroup())
                + (meta.workingGroups().isEmpty() ? "" : ", for the " + WorkingGroupNames.several(meta.workingGroups())));
        cover.appendElement("p").addClass("type").text(meta.type().label());
        cover.appendElement("h1").addClass("title").text(meta.title());
        cover.appendElement("p").addClass("authors").text(String.join(", ", meta.authors()));
        // English dates as EU institutions write them (23 May 2024), not the US form.
        Locale locale = meta.language().equals("en") ? Locale.UK : Locale.forLanguageTag(meta.language());
        cover.appendElement("p").addClass("date")
                .text(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(meta.date())
                        + " · Version " + settings.version());
        if (!meta.summary().isEmpty()) {
            cover.appendElement("p").addClass("summary").text(meta.summary());
        }
        Element licence = cover.appendElement("p").addClass("licence").text("Licence: ");
        licence.appendElement("a").attr("href", meta.licence().url()).attr("rel", "license").text(meta.licence().shortName());
        licence.appendText(" (" + meta.licence().title() + ")");
    }

    /** Links keep only web, mail and in-document addresses; images only those fetched; check boxes become drawings. */
    private static void sanitise(Element content, Map<String, byte[]> images, java.util.function.UnaryOperator<String> imageAddress) {
        for (Element link : content.select("a[href]")) {
            String href = link.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:") || href.startsWith("#"))) {
                link.removeAttr("href");
            }
        }
        for (Element image : content.select("img")) {
            String src = image.attr("src");
            String alt = image.attr("alt");
            if (images.containsKey(src)) {
                image.attr("src", imageAddress.apply(src));
            } else {
                Element text = new Element("span").addClass("remote-image");
                text.text("[" + (alt.isBlank() ? "Image" : alt) + "]" + (src.isBlank() ? "" : " (" + src + ")"));
                image.replaceWith(text);
            }
        }
        for (Element checkbox : content.select("input[type=checkbox]")) {
            boolean done = checkbox.hasAttr("checked");
            checkbox.replaceWith(new Element("span").addClass("task-box").addClass(done ? "done" : "open").text(done ? "x" : "\u00A0"));
        }
        content.select("input, form, button, select, textarea, script, iframe, object, embed").remove();
    }

    static int index(Map<String, byte[]> images, String src) {
        int i = 0;
        for (String key : images.keySet()) {
            if (key.equals(src)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String shortTitle(String title) {
        String firstPart = title.split(":", 2)[0].strip();
        return firstPart.length() <= 70 ? firstPart : firstPart.substring(0, 69).strip() + "…";
    }
}
