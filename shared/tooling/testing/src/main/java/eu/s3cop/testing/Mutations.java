package eu.s3cop.testing;

import java.util.Random;

/** Mutations of text for fuzz runs: deterministic for a given {@link Random}, so a failing seed can be replayed. */
public final class Mutations {

    private Mutations() {
    }

    /**
     * One to four cuts, copies, swaps, character changes and insertions from {@code salt}, on
     * UTF-16 code units (so surrogate pairs may split too).
     */
    public static String mutate(String input, Random random, String[] salt) {
        StringBuilder text = new StringBuilder(input);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            int length = text.length() - at == 0 ? 0 : random.nextInt(Math.min(200, text.length() - at) + 1);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, salt[random.nextInt(salt.length)]);
                case 1 -> text.delete(at, at + length);
                case 2 -> text.insert(at, text.substring(at, at + length).repeat(1 + random.nextInt(20)));
                case 3 -> text.insert(random.nextInt(text.length() + 1), text.substring(at, at + length));
                default -> {
                    if (text.length() > 0) {
                        text.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
            }
        }
        return text.toString();
    }
}
