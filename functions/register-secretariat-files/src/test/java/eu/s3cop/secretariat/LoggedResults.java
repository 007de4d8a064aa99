package eu.s3cop.secretariat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.lambda.Invocation;
import java.util.ArrayList;
import java.util.List;

/** What an invocation of the registrar logged as each upload's result, in order: its log lines are JSON, one field of which is {@code result}. */
final class LoggedResults {

    private LoggedResults() {
    }

    static List<String> of(Invocation invocation) throws Exception {
        List<String> results = new ArrayList<>();
        for (String line : invocation.logLines()) {
            Object result = JSON.std.mapFrom(line).get("result");
            if (result != null) {
                results.add(String.valueOf(result));
            }
        }
        return results;
    }
}
