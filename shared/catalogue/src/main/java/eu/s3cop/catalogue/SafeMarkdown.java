package eu.s3cop.catalogue;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown the secretariat writes (a webinar's description, a working group's objective) as
 * HTML that cannot carry markup of its own: raw HTML is escaped, and only basic tags
 * (paragraphs, lists, emphasis, code, quotes) and http(s) links, marked nofollow, survive.
 * Headings are not among them, so a text never breaks its page's outline.
 */
final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist BASIC = Safelist.basic().removeProtocols("a", "href", "ftp", "mailto");

    private SafeMarkdown() {
    }

    static String html(String markdown) {
        if (markdown.isBlank()) {
            return "";
        }
        return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), BASIC).strip();
    }
}
