package eu.s3cop.render;

/** A long brief made of every construct briefs use, in several EU scripts, for layout, conformance and memory tests. */
final class LongDocument {

    private LongDocument() {
    }

    static String draft(int chapters) {
        StringBuilder text = new StringBuilder("""
                ---
                title: "Smart specialisation in practice: a long report across regions and languages"
                type: policy-brief
                working_group: interregional-cooperation
                authors: [Élise Lefèvre, Νίκος Παπαδόπουλος, Мария Иванова, Jiří Dvořák, Małgorzata Wąsowska]
                date: 2024-09-30
                language: en
                summary: A long report that exercises every part of the brief layout.
                keywords: [long report, layout, accessibility]
                ---

                # Smart specialisation in practice

                """);
        for (int chapter = 1; chapter <= chapters; chapter++) {
            text.append("## Chapter ").append(chapter).append(": regions in transition\n\n");
            text.append("Regional innovation systems differ widely. In chapter ").append(chapter)
                    .append(" we compare how efficient offices, affluent firms and diffusion networks work together[^c")
                    .append(chapter).append("].\n\n");
            text.append("Η καινοτομία χρειάζεται εμπιστοσύνη πριν από χρηματοδότηση. Малките фирми учат най-бързо една от друга. "
                    + "Cyfryzacja zaczyna się od ludzi, nie od sprzętu. Inovația are nevoie de parteneri locali de încredere.\n\n");
            text.append("### Findings of chapter ").append(chapter).append("\n\n");
            text.append("1. Absorptive capacity comes first.\n   - Skills before grants.\n     - Training inside firms.\n"
                    + "2. Intermediaries matter.\n3. Peers learn from peers.\n\n");
            text.append("> „Die größte Hürde ist nicht das Geld, sondern die Zeit der Beschäftigten.“\n\n");
            text.append("| Region | Firms | Adoption | Change | Note |\n|---|--:|--:|--:|---|\n");
            for (int row = 1; row <= 14; row++) {
                text.append("| Region ").append(chapter).append('.').append(row).append(" | ").append(100 + row * 7)
                        .append(" | ").append(20 + row).append("% | +").append(row % 9).append(" pp | Steady progress in ")
                        .append(row % 2 == 0 ? "manufacturing" : "services").append(" |\n");
            }
            text.append("\n```\nregion,measure,cost\nchapter-").append(chapter).append(",vouchers,12000\n```\n\n");
            text.append("[^c").append(chapter).append("]: Source: regional survey, chapter ").append(chapter).append(".\n\n");
        }
        return text.toString();
    }
}
