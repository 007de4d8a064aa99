package eu.s3cop.system;

import eu.s3cop.stack.template.FunctionResource;
import eu.s3cop.stack.template.LocalResolver;
import eu.s3cop.stack.template.Template;
import eu.s3cop.system.AwsCallRecorder.Need;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The functions' roles as template.yaml declares them, resolved to the local stack's names. */
final class Roles {

    /** One action on one resource pattern that a function's role allows. */
    record Grant(String function, String sid, String action, String resource) {

        boolean allows(Need need) {
            return need.function().equals(function) && glob(action).matcher(need.action()).matches()
                    && need.resources().stream().anyMatch(candidate -> glob(resource).matcher(candidate).matches());
        }
    }

    private final List<Grant> grants = new ArrayList<>();
    private final List<String> shapeProblems = new ArrayList<>();

    private Roles() {
    }

    static Roles of(Template template, String region) {
        Roles roles = new Roles();
        LocalResolver resolver = new LocalResolver(template, region, Map.of());
        for (FunctionResource function : template.functions()) {
            Object properties = template.resources().get(function.logicalId()).get("Properties");
            Object policies = ((Map<?, ?>) properties).get("Policies");
            for (Object policy : list(policies)) {
                if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
                    for (Object statement : list(document.get("Statement"))) {
                        roles.read(function.name(), (Map<?, ?>) statement, resolver);
                    }
                } else {
                    String name = policy instanceof Map<?, ?> map ? String.valueOf(map.keySet()) : String.valueOf(policy);
                    roles.shapeProblems.add(function.name() + ": policy " + name + " is a policy template or managed policy, which grants"
                            + " more than one function needs; write the statements out");
                }
            }
        }
        return roles;
    }

    private void read(String function, Map<?, ?> statement, LocalResolver resolver) {
        String sid = String.valueOf(statement.get("Sid"));
        if (!"Allow".equals(statement.get("Effect")) || statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            shapeProblems.add(function + ": statement " + sid + " must be an Allow with Action and Resource");
            return;
        }
        for (Object action : list(statement.get("Action"))) {
            for (Object resource : list(statement.get("Resource"))) {
                String arn = resolver.resolve(resource, function + "." + sid);
                String name = String.valueOf(action);
                if (name.equals("*") || name.endsWith(":*") || arn.equals("*")) {
                    shapeProblems.add(function + ": statement " + sid + " allows " + name + " on " + arn + "; name the action and resource");
                }
                grants.add(new Grant(function, sid, name, arn));
            }
        }
    }

    /** The functions whose role allows {@code action} on {@code resource}, sorted. */
    Set<String> allowedTo(String action, String resource) {
        Set<String> functions = new java.util.TreeSet<>();
        for (Grant grant : grants) {
            if (glob(grant.action()).matcher(action).matches() && glob(grant.resource()).matcher(resource).matches()) {
                functions.add(grant.function());
            }
        }
        return functions;
    }

    /** Calls the functions made that their roles do not allow: on AWS they would fail with AccessDenied. */
    List<String> notAllowed(List<Need> needs) {
        Set<String> problems = new LinkedHashSet<>();
        for (Need need : needs) {
            if (grants.stream().noneMatch(grant -> grant.allows(need))) {
                problems.add(need.function() + " needs " + need.action() + " on " + need.resources().get(0) + " (" + need.call()
                        + "), which its role does not allow");
            }
        }
        return List.copyOf(problems);
    }

    /** Permissions no recorded call used: wider than the code needs. */
    List<String> unused(List<Need> needs) {
        List<String> problems = new ArrayList<>();
        for (Grant grant : grants) {
            if (needs.stream().noneMatch(grant::allows)) {
                problems.add(grant.function() + ": statement " + grant.sid() + " allows " + grant.action() + " on " + grant.resource()
                        + ", which none of its calls used");
            }
        }
        return problems;
    }

    List<String> shapeProblems() {
        return List.copyOf(shapeProblems);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} any one; actions ignore case. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), pattern.contains(":") && !pattern.startsWith("arn:") ? Pattern.CASE_INSENSITIVE : 0);
    }
}
