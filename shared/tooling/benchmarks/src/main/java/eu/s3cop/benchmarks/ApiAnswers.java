package eu.s3cop.benchmarks;

import eu.s3cop.stack.lambda.Invocation;

/** What the reader API answered a benchmark's event, and the check that it answered as the benchmark means. */
final class ApiAnswers {

    private ApiAnswers() {
    }

    static String answer(Invocation invocation) {
        if (!invocation.succeeded()) {
            throw new IllegalStateException("The reader API failed", invocation.error());
        }
        return invocation.response();
    }

    /** Fails unless the answer holds each part (spaces aside): a benchmark of a wrong answer measures nothing. */
    static void expect(String response, String... parts) {
        for (String part : parts) {
            if (!response.replace(" ", "").contains(part.replace(" ", ""))) {
                throw new IllegalStateException("The reader API did not answer as expected (" + part + "): "
                        + response.substring(0, Math.min(2000, response.length())));
            }
        }
    }
}
