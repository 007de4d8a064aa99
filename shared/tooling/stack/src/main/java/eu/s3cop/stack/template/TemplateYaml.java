package eu.s3cop.stack.template;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a CloudFormation template written in YAML into plain maps, lists and scalars, turning the
 * short-form intrinsics ({@code !Ref X}, {@code !Sub '...'}, {@code !GetAtt A.B}, ...) into their
 * JSON forms ({@code {"Ref": "X"}}, {@code {"Fn::Sub": "..."}}, {@code {"Fn::GetAtt": ["A", "B"]}}).
 */
public final class TemplateYaml {

    private TemplateYaml() {
    }

    public static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> read(String yaml) {
        return read(new StringReader(yaml), "template");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Reader reader, String name) {
        // The Core schema reads ~, Null and True as CloudFormation does; the JSON schema would not.
        LoadSettings settings = LoadSettings.builder().setLabel(name).setSchema(new CoreSchema()).build();
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)));
        Optional<Node> root = composer.getSingleNode();
        if (root.isEmpty() || !(root.get() instanceof MappingNode)) {
            throw new TemplateException(name + ": a template is a YAML mapping at its top level");
        }
        return (Map<String, Object>) toValue(root.get());
    }

    private static Object toValue(Node node) {
        String tag = node.getTag().getValue();
        Object plain;
        if (node instanceof MappingNode mapping) {
            plain = toMap(mapping);
        } else if (node instanceof SequenceNode sequence) {
            plain = toList(sequence);
        } else if (node instanceof ScalarNode scalar) {
            plain = toScalar(scalar);
        } else {
            throw new TemplateException("Unsupported YAML node at " + node.getStartMark());
        }
        if (tag.startsWith("!")) {
            return intrinsic(tag.substring(1), plain, node);
        }
        return plain;
    }

    private static Map<String, Object> toMap(MappingNode mapping) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            map.put(String.valueOf(toValue(tuple.getKeyNode())), toValue(tuple.getValueNode()));
        }
        return map;
    }

    private static List<Object> toList(SequenceNode sequence) {
        List<Object> list = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            list.add(toValue(item));
        }
        return list;
    }

    private static Object toScalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private static Object intrinsic(String name, Object argument, Node node) {
        return switch (name) {
            case "Ref" -> Map.of("Ref", argument);
            case "Condition" -> Map.of("Condition", argument);
            case "GetAtt" -> Map.of("Fn::GetAtt", getAttArguments(argument, node));
            default -> Map.of("Fn::" + name, argument);
        };
    }

    private static Object getAttArguments(Object argument, Node node) {
        if (argument instanceof String dotted) {
            int dot = dotted.indexOf('.');
            if (dot <= 0) {
                throw new TemplateException("!GetAtt takes Resource.Attribute, got '" + dotted + "' at " + node.getStartMark());
            }
            return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        return argument;
    }
}
