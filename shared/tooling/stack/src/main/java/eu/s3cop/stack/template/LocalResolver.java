package eu.s3cop.stack.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the template's intrinsic functions the way CloudFormation would, but to the local
 * stack's names: {@code !Ref UploadsBucket} is {@code s3cop-uploads}, parameters take their
 * defaults (or the stack's overrides), and the pseudo parameters describe the local account.
 */
public final class LocalResolver {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "s3cop";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, String> arns = new HashMap<>();
    private final Map<Object, String> bucketNameExpressions = new HashMap<>();
    private final Map<String, Object> conditions;

    public LocalResolver(Template template, String region, Map<String, String> parameterOverrides) {
        refs.put("AWS::Region", region);
        refs.put("AWS::AccountId", ACCOUNT_ID);
        refs.put("AWS::StackName", STACK_NAME);
        refs.put("AWS::Partition", "aws");
        refs.put("AWS::URLSuffix", "amazonaws.com");
        refs.put("AWS::NoValue", "");
        conditions = template.conditions();
        template.parameters().forEach((name, body) -> {
            Object fallback = Values.map(body, "Parameters." + name).get("Default");
            String value = parameterOverrides.getOrDefault(name, fallback == null ? null : Values.string(fallback, "Parameters." + name + ".Default"));
            if (value != null) {
                refs.put(name, value);
            }
        });
        for (BucketResource bucket : template.buckets()) {
            refs.put(bucket.logicalId(), bucket.localName());
            arns.put(bucket.logicalId(), "arn:aws:s3:::" + bucket.localName());
            if (bucket.nameExpression() != null) {
                bucketNameExpressions.put(bucket.nameExpression(), bucket.localName());
            }
        }
        for (TableResource table : template.tables()) {
            refs.put(table.logicalId(), table.localName());
            arns.put(table.logicalId(), "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + table.localName());
        }
        template.resources().forEach((id, body) -> {
            switch (String.valueOf(body.get("Type"))) {
                // A configuration set is named by its Name; a secret by its ARN, which only dynamic references read.
                case "AWS::SES::ConfigurationSet" -> refs.put(id, STACK_NAME + "-" + id);
                case "AWS::SecretsManager::Secret" -> refs.put(id, "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:" + id);
                default -> {
                }
            }
        });
        for (FunctionResource function : template.functions()) {
            refs.put(function.logicalId(), function.name());
            arns.put(function.logicalId(), "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + function.name());
        }
    }

    /**
     * The function's environment variables with every intrinsic resolved. A Secrets Manager
     * dynamic reference resolves to nothing: the local stack keeps no secrets, and what they guard
     * in the cloud (CloudFront's word to the API) has no counterpart here, where the gateway is
     * the viewer's first and only hop.
     */
    public Map<String, String> environment(FunctionResource function) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            String text = resolve(value, function.logicalId() + ".Environment.Variables." + name);
            resolved.put(name, text.startsWith("{{resolve:secretsmanager:") ? "" : text);
        });
        return resolved;
    }

    /** A structure of the template (an event pattern, say) with every intrinsic function in it resolved. */
    public Object resolveTree(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            boolean intrinsic = map.size() == 1 && map.keySet().iterator().next() instanceof String key && (key.equals("Ref") || key.startsWith("Fn::"));
            if (intrinsic) {
                return resolve(value, path);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, inner) -> resolved.put(String.valueOf(key), resolveTree(inner, path + "." + key)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(inner -> resolveTree(inner, path + "[]")).toList();
        }
        return value;
    }

    public String resolve(Object value, String path) {
        String bucket = bucketNameExpressions.get(value);
        if (bucket != null) {
            return bucket;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return Values.string(value, path);
        }
        if (map.size() != 1) {
            throw new TemplateException(path + ": expected a value or one intrinsic function, got " + value);
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        Object argument = entry.getValue();
        return switch (String.valueOf(entry.getKey())) {
            case "Ref" -> ref(Values.string(argument, path + ".Ref"), path);
            case "Fn::GetAtt" -> getAtt(Values.list(argument, path), path);
            case "Fn::Sub" -> sub(argument, path);
            case "Fn::Join" -> join(Values.list(argument, path), path);
            case "Fn::Select" -> select(Values.list(argument, path), path);
            case "Fn::If" -> choose(Values.list(argument, path), path);
            default -> throw new TemplateException(path + ": the local stack does not resolve " + entry.getKey());
        };
    }

    private String ref(String name, String path) {
        String value = refs.get(name);
        if (value == null) {
            throw new TemplateException(path + ": !Ref " + name + " names nothing the local stack knows"
                    + " (a parameter without a default needs an override)");
        }
        return value;
    }

    private String getAtt(List<Object> arguments, String path) {
        if (arguments.size() != 2) {
            throw new TemplateException(path + ": !GetAtt takes a resource and an attribute");
        }
        String resource = Values.string(arguments.get(0), path);
        String attribute = Values.string(arguments.get(1), path);
        if (attribute.equals("Arn") && arns.containsKey(resource)) {
            return arns.get(resource);
        }
        throw new TemplateException(path + ": the local stack does not resolve !GetAtt " + resource + "." + attribute);
    }

    private String sub(Object argument, String path) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof List<?> list && list.size() == 2) {
            text = Values.string(list.get(0), path);
            variables = Values.map(list.get(1), path);
        } else {
            text = Values.string(argument, path);
            variables = Map.of();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (variables.containsKey(name)) {
                value = resolve(variables.get(name), path + "." + name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                value = getAtt(List.of(name.substring(0, dot), name.substring(dot + 1)), path);
            } else {
                value = ref(name, path);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    /** {@code !If [Condition, then, else]}: only the branch the condition picks is resolved, as CloudFormation does. */
    private String choose(List<Object> arguments, String path) {
        if (arguments.size() != 3) {
            throw new TemplateException(path + ": !If takes a condition's name and two values");
        }
        String condition = Values.string(arguments.get(0), path);
        return resolve(arguments.get(holds(condition, path) ? 1 : 2), path);
    }

    private boolean holds(String condition, String path) {
        if (!conditions.containsKey(condition)) {
            throw new TemplateException(path + ": condition " + condition + " is not among the template's Conditions");
        }
        return evaluate(conditions.get(condition), "Conditions." + condition);
    }

    private boolean evaluate(Object expression, String path) {
        Map<String, Object> map = Values.map(expression, path);
        if (map.size() != 1) {
            throw new TemplateException(path + ": expected one condition function, got " + expression);
        }
        Map.Entry<String, Object> entry = map.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "Fn::Equals" -> {
                List<Object> sides = Values.list(entry.getValue(), path);
                yield sides.size() == 2 && resolve(sides.get(0), path).equals(resolve(sides.get(1), path));
            }
            case "Fn::Not" -> !evaluate(Values.list(entry.getValue(), path).get(0), path);
            case "Fn::And" -> Values.list(entry.getValue(), path).stream().allMatch(part -> evaluate(part, path));
            case "Fn::Or" -> Values.list(entry.getValue(), path).stream().anyMatch(part -> evaluate(part, path));
            case "Condition" -> holds(Values.string(entry.getValue(), path), path);
            default -> throw new TemplateException(path + ": the local stack does not evaluate " + entry.getKey());
        };
    }

    private String join(List<Object> arguments, String path) {
        if (arguments.size() != 2) {
            throw new TemplateException(path + ": !Join takes a delimiter and a list");
        }
        String delimiter = Values.string(arguments.get(0), path);
        List<String> parts = Values.list(arguments.get(1), path).stream().map(part -> resolve(part, path)).toList();
        return String.join(delimiter, parts);
    }

    private String select(List<Object> arguments, String path) {
        if (arguments.size() != 2) {
            throw new TemplateException(path + ": !Select takes an index and a list");
        }
        int index = Integer.parseInt(Values.string(arguments.get(0), path));
        Object list = arguments.get(1);
        if (list instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::Split")) {
            return split(Values.list(map.get("Fn::Split"), path), path).get(index);
        }
        return resolve(Values.list(list, path).get(index), path);
    }

    private List<String> split(List<Object> arguments, String path) {
        if (arguments.size() != 2) {
            throw new TemplateException(path + ": !Split takes a delimiter and a string");
        }
        String delimiter = Values.string(arguments.get(0), path);
        return List.of(resolve(arguments.get(1), path).split(Pattern.quote(delimiter), -1));
    }
}
