package eu.s3cop.catalogue;

import eu.s3cop.groups.WorkingGroupRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/** The sections of a working group's page that its registry fills: text, participants, meetings. */
final class RegistrySections {

    private RegistrySections() {
    }

    /** A section of the secretariat's Markdown, made safe; nothing when the registry leaves it empty. */
    static void text(Element main, String id, String heading, String markdown) {
        String html = SafeMarkdown.html(markdown);
        if (!html.isEmpty()) {
            SiteLayout.section(main, id, heading).appendElement("div").addClass("text").append(html);
        }
    }

    /** The leader, chair and rapporteur, then the members by country; or that none are listed yet. */
    static void participants(Element main, Optional<WorkingGroupRegistry> registry) {
        Element section = SiteLayout.section(main, "participants", "Participants");
        if (registry.isEmpty()) {
            section.appendElement("p").text("No participants are listed yet.");
            return;
        }
        Map<String, WorkingGroupRegistry.Person> roles = registry.get().roles();
        if (!roles.isEmpty()) {
            Element list = section.appendElement("dl").addClass("roles");
            roles.forEach((role, person) -> {
                list.appendElement("dt").text(role);
                list.appendElement("dd").text(person.shown());
            });
        }
        List<WorkingGroupRegistry.Person> members = registry.get().members();
        if (!members.isEmpty()) {
            section.appendElement("h3").text("Members");
            section.appendElement("p").text(members.size() + (members.size() == 1 ? " member" : " members") + ", by country.");
            Element list = section.appendElement("dl").addClass("members");
            registry.get().membersByCountry().forEach((country, people) -> {
                list.appendElement("dt").text(country);
                people.forEach(person -> list.appendElement("dd").text(person.name()));
            });
        }
    }

    static void meetings(Element main, List<WorkingGroupRegistry.Meeting> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        Element list = SiteLayout.section(main, "meetings", "Meetings").appendElement("ul").addClass("meetings");
        for (WorkingGroupRegistry.Meeting meeting : meetings) {
            Element item = list.appendElement("li");
            item.appendElement("time").attr("datetime", meeting.date()).text(meeting.shownDate());
            item.appendText(": " + meeting.title());
        }
    }
}
