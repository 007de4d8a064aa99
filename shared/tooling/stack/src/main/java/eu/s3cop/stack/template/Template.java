package eu.s3cop.stack.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of template.yaml that the local stack runs: buckets, tables, functions and their
 * triggers. The template is the single description of the system; the stack only reads it.
 *
 * <p>Local names come from logical ids: {@code UploadsBucket} is the bucket {@code s3cop-uploads},
 * {@code PublicationsTable} the table {@code s3cop-publications}; a function's name is its folder
 * under {@code functions/} in its {@code CodeUri}.
 */
public final class Template {

    public static final String FILE_NAME = "template.yaml";
    private static final String LOCAL_PREFIX = "s3cop-";

    private final Map<String, Object> document;

    private Template(Map<String, Object> document) {
        this.document = document;
    }

    public static Template read(Path file) {
        return new Template(TemplateYaml.read(file));
    }

    public static Template parse(String yaml) {
        return new Template(TemplateYaml.read(yaml));
    }

    /** The nearest template.yaml in {@code start} or one of its parents. */
    public static Optional<Path> locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The whole document, with intrinsics in their JSON forms. */
    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Object> parameters() {
        return Values.map(document.get("Parameters"), "Parameters");
    }

    /** The named conditions, such as {@code HasAlarmEmail}; empty when the template has none. */
    public Map<String, Object> conditions() {
        Object conditions = document.get("Conditions");
        return conditions == null ? Map.of() : Values.map(conditions, "Conditions");
    }

    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        Values.map(document.get("Resources"), "Resources")
                .forEach((id, body) -> resources.put(id, Values.map(body, "Resources." + id)));
        return resources;
    }

    public List<BucketResource> buckets() {
        List<BucketResource> buckets = new ArrayList<>();
        resourcesOfType("AWS::S3::Bucket").forEach((id, properties) ->
                buckets.add(new BucketResource(id, localName(id, "Bucket"), properties.get("BucketName"))));
        return buckets;
    }

    public List<TableResource> tables() {
        List<TableResource> tables = new ArrayList<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, properties) ->
                tables.add(new TableResource(id, localName(id, "Table"), properties)));
        return tables;
    }

    public List<FunctionResource> functions() {
        Map<String, Object> globals = Values.map(Values.map(document.get("Globals"), "Globals").get("Function"), "Globals.Function");
        List<FunctionResource> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, properties) ->
                functions.add(FunctionResource.of(id, properties, globals)));
        return functions;
    }

    public FunctionResource function(String name) {
        return functions().stream()
                .filter(function -> function.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new TemplateException("No function named '" + name + "' in " + FILE_NAME
                        + "; the functions are " + functions().stream().map(FunctionResource::name).toList()));
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources().forEach((id, body) -> {
            if (type.equals(body.get("Type"))) {
                matching.put(id, Values.map(body.get("Properties"), id + ".Properties"));
            }
        });
        return matching;
    }

    static String localName(String logicalId, String suffix) {
        String base = logicalId.endsWith(suffix) && logicalId.length() > suffix.length()
                ? logicalId.substring(0, logicalId.length() - suffix.length())
                : logicalId;
        return LOCAL_PREFIX + kebab(base);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
